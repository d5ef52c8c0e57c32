namespace NeuralNet.Perceptrons;

/// <summary>The partial derivatives of the logistic loss of HW3 Problem 2's mini CNN.</summary>
/// <param name="DW1">dl/dw1 = (sigma(y yhat) - 1) y (v1 H(a1) x1 + v2 H(a2) x2)</param>
/// <param name="DW2">dl/dw2 = (sigma(y yhat) - 1) y (v1 H(a1) x2 + v2 H(a2) x3)</param>
/// <param name="DV1">dl/dv1 = (sigma(y yhat) - 1) y o1</param>
/// <param name="DV2">dl/dv2 = (sigma(y yhat) - 1) y o2</param>
public sealed record MiniCnnGradients(double DW1, double DW2, double DV1, double DV2);
