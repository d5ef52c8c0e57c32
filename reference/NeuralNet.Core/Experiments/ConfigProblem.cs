namespace NeuralNet.Experiments;

/// <summary>One invalid setting of an experiment.</summary>
/// <param name="Path">the YAML path, e.g. "training.batch_size"</param>
/// <param name="Message">what was expected and what was found</param>
public sealed record ConfigProblem(string Path, string Message);
