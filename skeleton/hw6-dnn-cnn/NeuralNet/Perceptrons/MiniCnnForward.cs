namespace NeuralNet.Perceptrons;

/// <summary>The forward quantities of HW3 Problem 2's mini CNN.</summary>
/// <param name="A1">a1 = x1 w1 + x2 w2</param>
/// <param name="A2">a2 = x2 w1 + x3 w2</param>
/// <param name="O1">o1 = max{0, a1}</param>
/// <param name="O2">o2 = max{0, a2}</param>
/// <param name="YHat">yhat = o1 v1 + o2 v2</param>
public sealed record MiniCnnForward(double A1, double A2, double O1, double O2, double YHat);
