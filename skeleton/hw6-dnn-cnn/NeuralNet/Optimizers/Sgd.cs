using NeuralNet.Layers;

namespace NeuralNet.Optimizers;

/// <summary>
/// Mini-batch stochastic gradient descent w_t = w_{t-1} - eta * grad (HW3 3.1.3 <c>miniBatchGradientDescent</c>;
/// A1 eq. 4, where the optional L2 term of eq. 3 is first added to the gradients).
/// </summary>
public sealed class Sgd : IOptimizer
{
    /// <summary>Creates the optimiser.</summary>
    /// <param name="learningRate">the step size eta</param>
    /// <param name="l2">A1's regularisation strength lambda (0 = none); biases are never regularised</param>
    public Sgd(double learningRate, double l2 = 0.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(learningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(l2);
        LearningRate = learningRate;
        L2 = l2;
    }

    /// <summary>The step size eta; training loops may change it between epochs.</summary>
    public double LearningRate { get; set; }

    /// <summary>A1's lambda in J = L_CE + lambda/2 sum w^2.</summary>
    public double L2 { get; }

    /// <inheritdoc />
    public void Step(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var list = parameters.ToList();
        if (L2 > 0.0)
        {
            L2Regularization.ApplyToGradients(list, L2);
        }

        Update(list, LearningRate);
    }

    /// <summary>w &lt;- w - eta * dw for every parameter, in place.</summary>
    /// <param name="parameters">parameters whose <see cref="Parameter.Grad"/> holds dw</param>
    /// <param name="learningRate">eta</param>
    public static void Update(IReadOnlyList<Parameter> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        throw new NotSupportedException("sgd.step is assigned in a1-mnist-softmax and hw3-fashion-mlp; this kit does not include its solution and does not need it");
    }
}
