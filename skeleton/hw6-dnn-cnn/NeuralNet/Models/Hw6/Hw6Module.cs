using NeuralNet.Experiments;
using NeuralNet.Optimizers;
using NeuralNet.Training;

[assembly: CourseModule(typeof(NeuralNet.Models.Hw6.Hw6Module))]

namespace NeuralNet.Models.Hw6;

/// <summary>Homework 6's models (<c>hw6-mlp</c>, <c>hw6-lr</c>, <c>hw6-cnn</c>, <c>hw6-cnn2</c>) and its optimiser <c>hw6</c> (momentum and weight decay).</summary>
public sealed class Hw6Module : ICourseModule
{
    /// <inheritdoc />
    public void Register(CourseCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        catalog.AddModel("hw6-mlp", (model, rng, inputDim, classes) => Hw6Models.Mlp(rng, model.Dropout, inputDim, classes).ToLayerChain());
        catalog.AddModel("hw6-lr", (model, rng, inputDim, classes) => Hw6Models.LogisticRegression(rng, model.Dropout, inputDim, classes).ToLayerChain());
        catalog.AddModel("hw6-cnn", (model, rng, _, classes) => Hw6Models.Cnn(rng, model.Dropout, classes).ToLayerChain());
        catalog.AddModel("hw6-cnn2", (model, rng, _, classes) => Hw6Models.Cnn2(rng, model.Dropout, classes).ToLayerChain());

        // With alpha = lambda = 0 the update is w -= eta g exactly, as HW6's code does it.
        catalog.AddOptimizer("hw6", config =>
        {
            var hw6 = new MiniBatchSgd(config.LearningRate, config.Momentum, config.WeightDecay);
            return (hw6, lr => hw6.LearningRate = lr);
        });
    }
}
