using NeuralNet.Optimizers;

namespace NeuralNet.Experiments;

/// <summary>Builds the optimiser an <see cref="OptimizerConfig"/> names, with a hook to change its learning rate between epochs.</summary>
public static class OptimizerFactory
{
    /// <summary>Creates the optimiser.</summary>
    /// <param name="config">type, eta, alpha, lambdas</param>
    /// <returns>the optimiser and an action that sets its learning rate</returns>
    public static (IOptimizer Optimizer, Action<double> SetLearningRate) Create(OptimizerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        switch (config.Type)
        {
            case "sgd":
                var sgd = new Sgd(config.LearningRate, config.L2);
                return (sgd, lr => sgd.LearningRate = lr);
            case "momentum":
                var momentum = new MomentumSgd(config.LearningRate, config.Momentum);
                return (momentum, lr => momentum.LearningRate = lr);
            case "hw6" when config.Momentum == 0 && config.WeightDecay == 0:
                // With alpha = lambda = 0 HW6's update is w -= eta g exactly; Sgd does it without the decayed-gradient copy per step.
                var plain = new Sgd(config.LearningRate);
                return (plain, lr => plain.LearningRate = lr);
            case "hw6":
                var hw6 = new MiniBatchSgd(config.LearningRate, config.Momentum, config.WeightDecay);
                return (hw6, lr => hw6.LearningRate = lr);
            default:
                throw new ArgumentException($"OptimizerFactory: expected one of {string.Join(", ", ExperimentValidator.OptimizerTypes)}, found '{config.Type}'", nameof(config));
        }
    }
}
