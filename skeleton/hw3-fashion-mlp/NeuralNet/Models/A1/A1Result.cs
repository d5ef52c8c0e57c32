namespace NeuralNet.Models.A1;

/// <summary>What an A1 model's <c>forward</c> returns for one batch.</summary>
/// <param name="Loss">the mean cross-entropy of the batch</param>
/// <param name="Accuracy">the fraction of correctly classified examples, in [0, 1]</param>
public sealed record A1Result(double Loss, double Accuracy);
