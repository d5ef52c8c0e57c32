namespace NeuralNet.Gradients;

/// <summary>One line of HW3's gradient checker: an entry's gradient from backpropagation and from the approximation.</summary>
/// <param name="Layer">the layer, e.g. "L1"</param>
/// <param name="Parameter">the parameter, "W" or "b"</param>
/// <param name="Backpropagation">dF/dw from the backward pass</param>
/// <param name="Approximation">(F(w + eps) - F(w - eps)) / (2 eps)</param>
public sealed record GradientCheckEntry(string Layer, string Parameter, double Backpropagation, double Approximation)
{
    /// <summary>|backprop - approximation| / max(1e-8, |backprop| + |approximation|).</summary>
    public double RelativeError => GradientChecker.RelError(Backpropagation, Approximation);
}
