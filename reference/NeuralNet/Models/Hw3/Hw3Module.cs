using NeuralNet.Experiments;
using NeuralNet.Training;

[assembly: CourseModule(typeof(NeuralNet.Models.Hw3.Hw3Module))]

namespace NeuralNet.Models.Hw3;

/// <summary>Homework 3's models for experiments (<c>hw3-mlp</c>, and the 3.5 bonus CNNs <c>hw3-cnn2</c>, <c>hw3-cnn3</c>) and 3.1.5's gradient and magnitude checks.</summary>
public sealed class Hw3Module : ICourseModule
{
    /// <inheritdoc />
    public void Register(CourseCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        // HW3 3.1: L1 -> relu -> L2 (neural_networks.py's model dictionary).
        catalog.AddModel("hw3-mlp", (model, rng, inputDim, classes) => new LayerChain(new Hw3Mlp(rng, inputDim, model.Hidden, classes).Layers.Select(l => l.Layer)));
        catalog.AddModel("hw3-cnn2", (_, rng, _, _) => Hw3OodModels.TwoLayerCnn(rng).ToLayerChain());
        catalog.AddModel("hw3-cnn3", (_, rng, _, _) => Hw3OodModels.ThreeLayerCnn(rng).ToLayerChain());
        catalog.SetDebugChecks(new Hw3DebugChecks());
    }
}
