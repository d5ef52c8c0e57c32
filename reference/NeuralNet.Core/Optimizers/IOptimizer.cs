using NeuralNet.Layers;

namespace NeuralNet.Optimizers;

/// <summary>Updates parameters from the gradients the last backward pass stored in them.</summary>
public interface IOptimizer
{
    /// <summary>Applies one update to every parameter.</summary>
    /// <param name="parameters">the model's parameters, with <see cref="Parameter.Grad"/> filled by the backward pass</param>
    void Step(IEnumerable<Parameter> parameters);
}
