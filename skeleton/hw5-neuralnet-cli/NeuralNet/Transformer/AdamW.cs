using NeuralNet.Layers;
using NeuralNet.Optimizers;

namespace NeuralNet.Transformer;

/// <summary>
/// Adam with decoupled weight decay (Loshchilov and Hutter), PyTorch's <c>torch.optim.AdamW</c>
/// with its defaults, which the handout's notebook uses. For each parameter p with gradient g, at its
/// step t: p -= lr * wd * p; m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
/// p -= lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps). Every parameter decays, as with
/// <c>AdamW(model.parameters())</c>.
/// </summary>
public sealed class AdamW : IOptimizer
{
    private readonly Dictionary<Parameter, Moments> _state = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates the optimiser; moment estimates start at zero for each parameter.</summary>
    /// <param name="learningRate">lr</param>
    /// <param name="beta1">decay of the first moment (default 0.9)</param>
    /// <param name="beta2">decay of the second moment (default 0.999)</param>
    /// <param name="eps">added to the denominator (default 1e-8)</param>
    /// <param name="weightDecay">decoupled weight decay (default 0.01)</param>
    public AdamW(double learningRate, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0.01)
    {
        if (!(learningRate > 0) || beta1 is < 0 or >= 1 || beta2 is < 0 or >= 1 || !(eps > 0) || !(weightDecay >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate),
                $"AdamW: expected lr > 0, betas in [0, 1), eps > 0, weight_decay >= 0; found lr={learningRate}, betas=({beta1}, {beta2}), eps={eps}, weight_decay={weightDecay}.");
        }

        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        WeightDecay = weightDecay;
    }

    /// <summary>Step size lr.</summary>
    public double LearningRate { get; }

    /// <summary>First-moment decay.</summary>
    public double Beta1 { get; }

    /// <summary>Second-moment decay.</summary>
    public double Beta2 { get; }

    /// <summary>Denominator guard.</summary>
    public double Eps { get; }

    /// <summary>Decoupled weight decay coefficient.</summary>
    public double WeightDecay { get; }

    /// <summary>Number of updates a parameter has had (t in its bias corrections); 0 before the first.</summary>
    /// <param name="parameter">a parameter this optimiser updates</param>
    public int StepCount(Parameter parameter) => _state.TryGetValue(parameter, out var s) ? s.Step : 0;

    /// <inheritdoc />
    public void Step(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var parameter in parameters)
        {
            if (!_state.TryGetValue(parameter, out var state))
            {
                state = new Moments(Tensor.Zeros(parameter.Value.Shape), Tensor.Zeros(parameter.Value.Shape));
                _state[parameter] = state;
            }

            state.Step++;
            Update(parameter.Value.AsSpan(), parameter.Grad.Contiguous().AsSpan(), state.M.AsSpan(), state.V.AsSpan(), state.Step);
        }
    }

    private void Update(Span<double> p, ReadOnlySpan<double> g, Span<double> m, Span<double> v, int t)
    {
        var correction1 = 1.0 - Math.Pow(Beta1, t);
        var correction2 = 1.0 - Math.Pow(Beta2, t);
        var decay = 1.0 - LearningRate * WeightDecay;
        for (var j = 0; j < p.Length; j++)
        {
            p[j] *= decay;
            m[j] = Beta1 * m[j] + (1.0 - Beta1) * g[j];
            v[j] = Beta2 * v[j] + (1.0 - Beta2) * g[j] * g[j];
            p[j] -= LearningRate * (m[j] / correction1) / (Math.Sqrt(v[j] / correction2) + Eps);
        }
    }

    /// <summary>A parameter's first and second moment estimates and its step count.</summary>
    private sealed class Moments(Tensor m, Tensor v)
    {
        public Tensor M { get; } = m;

        public Tensor V { get; } = v;

        public int Step { get; set; }
    }
}
