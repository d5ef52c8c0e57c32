using NeuralNet.Layers;

namespace NeuralNet.Optimizers;

/// <summary>
/// SGD with momentum (HW3 3.4): v &lt;- alpha v + grad, w &lt;- w - eta v, with v = 0 at the start.
/// Each parameter keeps its own velocity; alpha = 0 is plain SGD.
/// </summary>
public sealed class MomentumSgd : IOptimizer
{
    private readonly Dictionary<Parameter, Tensor> _velocity = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates the optimiser.</summary>
    /// <param name="learningRate">eta</param>
    /// <param name="alpha">the momentum factor, in [0, 1)</param>
    public MomentumSgd(double learningRate, double alpha)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(learningRate);
        if (alpha is < 0.0 or >= 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "MomentumSgd: alpha must be in [0, 1).");
        }

        LearningRate = learningRate;
        Alpha = alpha;
    }

    /// <summary>The step size eta.</summary>
    public double LearningRate { get; set; }

    /// <summary>The weight alpha on the previous velocity.</summary>
    public double Alpha { get; }

    /// <summary>The velocity of a parameter (zeros before its first step).</summary>
    /// <param name="parameter">a parameter this optimiser updates</param>
    /// <returns>v, same shape as the parameter</returns>
    public Tensor Velocity(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (!_velocity.TryGetValue(parameter, out var v))
        {
            v = Tensor.Zeros(parameter.Value.Shape);
            _velocity[parameter] = v;
        }

        return v;
    }

    /// <inheritdoc />
    public void Step(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var p in parameters)
        {
            StepOne(p, Velocity(p));
        }
    }

    /// <summary>One momentum update of one parameter, in place.</summary>
    /// <param name="p">the parameter, with its gradient in <see cref="Parameter.Grad"/></param>
    /// <param name="v">its velocity, same shape, updated in place</param>
    private void StepOne(Parameter p, Tensor v)
    {
        // TASK(momentum.step): update in place: v <- Alpha * v + p.Grad, then p.Value <- p.Value - LearningRate * v.
        // BEGIN SOLUTION momentum.step
        v.ScaleInPlace(Alpha);
        v.AddInPlace(p.Grad);
        p.Value.AddInPlace(v, -LearningRate);
        // END SOLUTION
    }
}
