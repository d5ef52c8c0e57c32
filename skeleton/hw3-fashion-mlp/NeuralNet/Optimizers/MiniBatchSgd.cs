using NeuralNet.Layers;

namespace NeuralNet.Optimizers;

/// <summary>
/// The optimiser of HW6's <c>dnn_mlp.py</c> / <c>dnn_cnn.py</c> (<c>miniBatchStochasticGradientDescent</c>,
/// provided code there): g = grad + lambda w (weight decay, <see cref="WeightDecay"/>); with momentum
/// alpha &gt; 0, v &lt;- alpha v - eta g and w &lt;- w + v; otherwise w &lt;- w - eta g.
/// </summary>
/// <remarks>
/// With a constant eta this is the same update as HW3 3.4's <see cref="MomentumSgd"/> (v here is -eta times
/// v there). It differs once eta changes during training, because this velocity already carries the old
/// step size, which is how the HW6 scripts behave.
/// </remarks>
public sealed class MiniBatchSgd : IOptimizer
{
    private readonly Dictionary<Parameter, Tensor> _momentum = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates the optimiser.</summary>
    /// <param name="learningRate">eta (<c>--learning_rate</c>)</param>
    /// <param name="alpha">momentum (<c>--alpha</c>, "m" in the log names), 0 for none</param>
    /// <param name="lambda">weight decay (<c>--lambda</c>, "w" in the log names), 0 for none</param>
    public MiniBatchSgd(double learningRate, double alpha = 0.0, double lambda = 0.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(learningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(lambda);
        if (alpha is < 0.0 or >= 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "MiniBatchSgd: alpha must be in [0, 1).");
        }

        LearningRate = learningRate;
        Alpha = alpha;
        Lambda = lambda;
    }

    /// <summary>eta; HW6's training loop may lower it between epochs.</summary>
    public double LearningRate { get; set; }

    /// <summary>The momentum factor alpha.</summary>
    public double Alpha { get; }

    /// <summary>The weight-decay strength lambda.</summary>
    public double Lambda { get; }

    /// <inheritdoc />
    public void Step(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var p in parameters)
        {
            // Without weight decay g is the gradient itself: grad + 0 w would only copy it (and store a
            // weight gradient the update could otherwise stream, see Tensor.AddInPlace).
            var g = Lambda > 0.0 ? WeightDecay.Gradient(p.Grad, p.Value, Lambda) : p.Grad;
            if (Alpha > 0.0)
            {
                var v = Momentum(p);
                v.ScaleInPlace(Alpha);
                v.AddInPlace(g, -LearningRate);
                p.Value.AddInPlace(v);
            }
            else
            {
                p.Value.AddInPlace(g, -LearningRate);
            }
        }
    }

    /// <summary>The momentum buffer of a parameter (zeros before its first step).</summary>
    /// <param name="parameter">a parameter this optimiser updates</param>
    /// <returns>v, same shape as the parameter</returns>
    public Tensor Momentum(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (!_momentum.TryGetValue(parameter, out var v))
        {
            v = Tensor.Zeros(parameter.Value.Shape);
            _momentum[parameter] = v;
        }

        return v;
    }
}
