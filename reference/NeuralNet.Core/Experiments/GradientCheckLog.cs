namespace NeuralNet.Experiments;

/// <summary>One of HW3 3.1.5's gradient checks: entry (0, 0) of a parameter by backpropagation and by central differences.</summary>
/// <param name="Layer">the layer, "L1" or "L2" (the parameterised layers in order)</param>
/// <param name="Parameter">"W" or "b"</param>
/// <param name="Backpropagation">dF/dw from the backward pass</param>
/// <param name="Approximation">(F(w + eps) - F(w - eps)) / (2 eps), eps = 1e-3</param>
/// <param name="RelativeError">|a - b| / max(1e-8, |a| + |b|)</param>
public sealed record GradientCheckLog(string Layer, string Parameter, double Backpropagation, double Approximation, double RelativeError);
