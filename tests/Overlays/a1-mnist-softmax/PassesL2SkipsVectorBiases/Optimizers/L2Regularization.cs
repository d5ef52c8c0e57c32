using NeuralNet.Layers;

namespace NeuralNet.Optimizers;

/// <summary>
/// Deep Learning A1's L2 regularisation, J = L_CE + (1/2) lambda sum_i w_i^2 (A1 eq. 3), applied to
/// weights only: biases (names starting with "b") are never regularised.
/// </summary>
public static class L2Regularization
{
    /// <summary>The penalty term.</summary>
    /// <param name="parameters">the model's parameters</param>
    /// <param name="lambda">the regularisation strength</param>
    /// <returns>(1/2) lambda times the sum of squares of every non-bias entry</returns>
    public static double Penalty(IEnumerable<Parameter> parameters, double lambda)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var sum = 0.0;
        foreach (var p in parameters.Where(p => !p.IsBias))
        {
            sum += p.Value.Square().Sum();
        }

        return 0.5 * lambda * sum;
    }

    /// <summary>Adds the penalty's gradient lambda * w to each weight's gradient (A1 <c>apply_regularization</c>).</summary>
    /// <param name="parameters">the model's parameters, gradients filled by the backward pass</param>
    /// <param name="lambda">the regularisation strength</param>
    public static void ApplyToGradients(IEnumerable<Parameter> parameters, double lambda)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var p in parameters)
        {
            if (p.Value.Rank == 1)
            {
                continue; // A1's biases b1 (H) and b2 (C) are vectors; the weights are matrices
            }

            p.Grad = p.Grad + lambda * p.Value;
        }
    }
}
