using NeuralNet.Layers;

namespace NeuralNet.Transformer;

/// <summary>
/// Adam with decoupled weight decay (Loshchilov and Hutter), PyTorch's <c>torch.optim.AdamW</c>
/// with its defaults, which the handout's notebook uses. For each parameter p with gradient g, at step t:
/// p -= lr * wd * p; m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
/// p -= lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps).
/// </summary>
public sealed class AdamW
{
    private readonly Parameter[] _parameters;
    private readonly Tensor[] _m;
    private readonly Tensor[] _v;

    /// <summary>Creates the optimiser with zero moment estimates.</summary>
    /// <param name="parameters">the parameters to update (all of them decay, as in PyTorch's default)</param>
    /// <param name="learningRate">lr</param>
    /// <param name="beta1">decay of the first moment (default 0.9)</param>
    /// <param name="beta2">decay of the second moment (default 0.999)</param>
    /// <param name="eps">added to the denominator (default 1e-8)</param>
    /// <param name="weightDecay">decoupled weight decay (default 0.01)</param>
    public AdamW(IReadOnlyList<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0.01)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(learningRate > 0) || beta1 is < 0 or >= 1 || beta2 is < 0 or >= 1 || !(eps > 0) || weightDecay < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate),
                $"AdamW: expected lr > 0, betas in [0, 1), eps > 0, weight_decay >= 0; found lr={learningRate}, betas=({beta1}, {beta2}), eps={eps}, weight_decay={weightDecay}.");
        }

        _parameters = [.. parameters];
        _m = [.. _parameters.Select(p => Tensor.Zeros(p.Value.Shape))];
        _v = [.. _parameters.Select(p => Tensor.Zeros(p.Value.Shape))];
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

    /// <summary>Number of steps taken (t in the bias corrections).</summary>
    public int StepCount { get; private set; }

    /// <summary>Updates every parameter in place from its current gradient.</summary>
    public void Step()
    {
        StepCount++;
        var correction1 = 1.0 - Math.Pow(Beta1, StepCount);
        var correction2 = 1.0 - Math.Pow(Beta2, StepCount);
        for (var i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i].Value.AsSpan();
            var g = _parameters[i].Grad.AsSpan();
            var m = _m[i].AsSpan();
            var v = _v[i].AsSpan();
            for (var j = 0; j < p.Length; j++)
            {
                p[j] *= 1.0 - LearningRate * WeightDecay;
                m[j] = Beta1 * m[j] + (1.0 - Beta1) * g[j];
                v[j] = Beta2 * v[j] + (1.0 - Beta2) * g[j] * g[j];
                var mHat = m[j] / correction1;
                var vHat = v[j] / correction2;
                p[j] -= LearningRate * mHat / (Math.Sqrt(vHat) + Eps);
            }
        }
    }

    /// <summary>Sets every gradient to zero.</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in _parameters)
        {
            parameter.Grad.Fill(0.0);
        }
    }
}
