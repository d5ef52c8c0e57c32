using NeuralNet.Experiments;
using NeuralNet.Training;

[assembly: CourseModule(typeof(NeuralNet.Models.A1.A1Module))]

namespace NeuralNet.Models.A1;

/// <summary>Assignment 1's models for experiments: <c>a1-softmax</c> and <c>a1-twolayer</c>, trained with the student's own code.</summary>
public sealed class A1Module : ICourseModule
{
    /// <inheritdoc />
    public void Register(CourseCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        // A1 2.2: a fully connected layer without bias followed by ReLU, then softmax (SoftmaxRegression's W1, seed 1024).
        catalog.AddModel("a1-softmax", (_, rng, inputDim, classes) => new LayerChain([new A1SoftmaxScores(new SoftmaxRegression(inputDim, classes, rng))]));

        // A1 2.2: two fully connected layers with a sigmoid between, weights 0.001 N(0, 1) after seeding 1024, zero biases (TwoLayerNet).
        catalog.AddModel("a1-twolayer", (model, _, inputDim, classes) => new LayerChain([new A1TwoLayerScores(new TwoLayerNet(inputDim, classes, model.Hidden))]));
    }
}
