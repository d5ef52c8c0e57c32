using NeuralNet.Models.Hw3;

namespace NeuralNet.Gradients;

/// <summary>
/// HW3 3.1.5's <c>magnitude_checker</c> (provided code): a mini-batch gradient is an unbiased estimate of the
/// full gradient, so the l1 norm of dW1 on 50 examples should have the same magnitude as on 5000.
/// </summary>
public static class MagnitudeChecker
{
    /// <summary>The batch sizes HW3 compares.</summary>
    public static readonly IReadOnlyList<int> BatchSizes = [50, 5000];

    /// <summary>Backpropagates a random batch of each size and reports the l1 norm of dW1.</summary>
    /// <param name="model">the network (its gradients are overwritten)</param>
    /// <param name="x">the training inputs, shape (N, d)</param>
    /// <param name="y">the training labels, length N</param>
    /// <param name="rng">chooses the batches (without replacement)</param>
    /// <param name="batchSizes">the sizes to compare (default 50 and 5000; capped at N)</param>
    /// <returns>one result per batch size</returns>
    public static IReadOnlyList<MagnitudeCheck> Check(Hw3Mlp model, Tensor x, int[] y, Rng rng, IReadOnlyList<int>? batchSizes = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(rng);
        var results = new List<MagnitudeCheck>();
        foreach (var requested in batchSizes ?? BatchSizes)
        {
            var size = Math.Min(requested, y.Length);
            var indices = rng.Permutation(y.Length)[..size];
            var xb = x.Rows(indices);
            var yb = indices.Select(i => y[i]).ToArray();
            var forward = Hw3Network.ForwardPass(model, xb, yb);
            Hw3Network.BackwardPass(model, xb, forward.A1, forward.H1, forward.A2, yb);
            results.Add(new MagnitudeCheck(size, model.L1.W.Grad.Abs().Sum()));
        }

        return results;
    }
}
