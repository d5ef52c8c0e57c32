using NeuralNet.Experiments;

[assembly: CourseModule(typeof(NeuralNet.Optimizers.OptimizersModule))]

namespace NeuralNet.Optimizers;

/// <summary>The optimisers experiments name as <c>sgd</c> (A1's and HW3's SGD, with A1's optional L2 term) and <c>momentum</c> (HW3 3.4).</summary>
public sealed class OptimizersModule : ICourseModule
{
    /// <inheritdoc />
    public void Register(CourseCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        catalog.AddOptimizer("sgd", config =>
        {
            var sgd = new Sgd(config.LearningRate, config.L2);
            return (sgd, lr => sgd.LearningRate = lr);
        });
        catalog.AddOptimizer("momentum", config =>
        {
            var momentum = new MomentumSgd(config.LearningRate, config.Momentum);
            return (momentum, lr => momentum.LearningRate = lr);
        });
    }
}
