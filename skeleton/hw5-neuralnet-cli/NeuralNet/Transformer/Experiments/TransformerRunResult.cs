namespace NeuralNet.Transformer;

/// <summary>What <c>TransformerExperiment.Run</c> returns: the log, where it was written, and timings (not in the log, which stays reproducible).</summary>
/// <param name="Log">the loss log as written</param>
/// <param name="LogPath">path of &lt;name&gt;.json</param>
/// <param name="TrainingSeconds">wall time of the optimisation steps, without evaluation and sampling</param>
/// <param name="TokensPerSecond">training tokens (max_iters * batch_size * block_size) per second of <paramref name="TrainingSeconds"/></param>
public sealed record TransformerRunResult(TransformerRunLog Log, string LogPath, double TrainingSeconds, double TokensPerSecond);
