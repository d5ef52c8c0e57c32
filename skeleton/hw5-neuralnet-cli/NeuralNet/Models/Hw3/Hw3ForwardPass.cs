namespace NeuralNet.Models.Hw3;

/// <summary>What HW3's <c>forward_pass</c> returns: every intermediate value the backward pass needs.</summary>
/// <param name="A1">u = L1(x), shape (N, M)</param>
/// <param name="H1">h = relu(u), shape (N, M)</param>
/// <param name="A2">a = L2(h), the logits, shape (N, K)</param>
/// <param name="Loss">the mean softmax cross-entropy of the batch</param>
public sealed record Hw3ForwardPass(Tensor A1, Tensor H1, Tensor A2, double Loss);
