namespace NeuralNet.Models.Hw5;

/// <summary>The intermediate quantities of Homework 5's forward pass for one example (column vectors).</summary>
/// <param name="X">the input with the bias feature x0 = 1 first, shape (M+1, 1)</param>
/// <param name="A">hidden pre-activations a = alpha x, shape (D, 1)</param>
/// <param name="Z">hidden units with the bias unit z0 = 1 first, [1; sigmoid(a)], shape (D+1, 1)</param>
/// <param name="B">output scores b = beta z, shape (K, 1)</param>
/// <param name="YHat">softmax(b), shape (K, 1)</param>
/// <param name="Loss">cross-entropy J = -log yhat[y]</param>
public sealed record Hw5Forward(Tensor X, Tensor A, Tensor Z, Tensor B, Tensor YHat, double Loss);
