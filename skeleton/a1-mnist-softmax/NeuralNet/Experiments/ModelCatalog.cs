using NeuralNet.Layers;
using NeuralNet.Models;
using NeuralNet.Models.A1;
using NeuralNet.Models.Hw3;
using NeuralNet.Models.Hw6;
using NeuralNet.Training;

namespace NeuralNet.Experiments;

/// <summary>The networks an experiment can name in <c>model.type</c>, built from the course library's models.</summary>
public static class ModelCatalog
{
    /// <summary>The model types.</summary>
    public static IReadOnlyList<string> Types { get; } =
        ["hw3-mlp", "hw3-cnn2", "hw3-cnn3", "hw6-mlp", "hw6-lr", "hw6-cnn", "hw6-cnn2", "a1-softmax", "a1-twolayer"];

    /// <summary>Builds a network with freshly drawn weights.</summary>
    /// <param name="model">the model settings (<c>hidden</c> applies to hw3-mlp and a1-twolayer; HW6's sizes are fixed)</param>
    /// <param name="rng">the seeded generator for initial weights and dropout masks</param>
    /// <param name="inputDim">D, features per example (784)</param>
    /// <param name="classes">K (10)</param>
    /// <returns>the network as a chain of layers</returns>
    public static LayerChain Create(ModelConfig model, Rng rng, int inputDim = 784, int classes = 10)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rng);
        return model.Type switch
        {
            // HW3 3.1: L1 -> relu -> L2 (neural_networks.py's model dictionary).
            "hw3-mlp" => new LayerChain(new Hw3Mlp(rng, inputDim, model.Hidden, classes).Layers.Select(l => l.Layer)),
            "hw3-cnn2" => Chain(Hw3OodModels.TwoLayerCnn(rng)),
            "hw3-cnn3" => Chain(Hw3OodModels.ThreeLayerCnn(rng)),
            "hw6-mlp" => Chain(Hw6Models.Mlp(rng, model.Dropout, inputDim, classes)),
            "hw6-lr" => Chain(Hw6Models.LogisticRegression(rng, model.Dropout, inputDim, classes)),
            "hw6-cnn" => Chain(Hw6Models.Cnn(rng, model.Dropout, classes)),
            "hw6-cnn2" => Chain(Hw6Models.Cnn2(rng, model.Dropout, classes)),

            // A1 2.2: a fully connected layer without bias followed by ReLU, then softmax.
            "a1-softmax" => new LayerChain([new A1SoftmaxScores(new SoftmaxRegression(inputDim, classes, rng))]),

            // A1 2.2: two fully connected layers with a sigmoid between, weights 0.001 N(0, 1), zero biases.
            "a1-twolayer" => new LayerChain([new Linear(inputDim, model.Hidden, rng, LinearInit.SmallNormal), new Sigmoid(), new Linear(model.Hidden, classes, rng, LinearInit.SmallNormal)]),
            _ => throw new NotSupportedException($"ModelCatalog: model type '{model.Type}' is not available in this build of the course library yet."),
        };
    }

    private static LayerChain Chain(Classifier classifier) => new(classifier.Network.Layers.Select(l => l.Layer));
}
