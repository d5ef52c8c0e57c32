namespace NeuralNet.Transformer;

/// <summary>
/// Softmax cross-entropy over every position of a batch of sequences, as the handout's model does
/// with <c>F.cross_entropy(logits.view(B*T, C), targets.view(B*T))</c>: the mean over B*T positions.
/// </summary>
public static class SequenceCrossEntropy
{
    /// <summary>The mean negative log-probability of the targets.</summary>
    /// <param name="logits">scores, shape (B, T, V)</param>
    /// <param name="targets">next-token indices, shape (B, T)</param>
    /// <returns>mean loss over the B*T positions</returns>
    public static double Loss(Tensor logits, Tensor targets) => Compute(logits, targets, gradient: false).Loss;

    /// <summary>The loss and its gradient w.r.t. the logits, (softmax - onehot) / (B*T).</summary>
    /// <param name="logits">scores, shape (B, T, V)</param>
    /// <param name="targets">next-token indices, shape (B, T)</param>
    /// <returns>the mean loss and dLogits of shape (B, T, V)</returns>
    public static (double Loss, Tensor Gradient) LossAndGradient(Tensor logits, Tensor targets)
    {
        var (loss, gradient) = Compute(logits, targets, gradient: true);
        return (loss, gradient!);
    }

    private static (double Loss, Tensor? Gradient) Compute(Tensor logits, Tensor targets, bool gradient)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        if (logits.Rank != 3 || targets.Rank != 2 || logits.Dim(0) != targets.Dim(0) || logits.Dim(1) != targets.Dim(1))
        {
            throw new ArgumentException($"SequenceCrossEntropy: expected logits (B, T, V) and targets (B, T), found {SequenceOps.Format(logits)} and {SequenceOps.Format(targets)}.");
        }

        var v = logits.Dim(2);
        var labels = targets.ToArray();
        var n = labels.Length;
        var scores = logits.Contiguous().AsSpan();
        var dLogits = gradient ? Tensor.Zeros(logits.Shape) : null;
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            var label = labels[i];
            if (label != Math.Floor(label) || label < 0 || label >= v)
            {
                throw new ArgumentOutOfRangeException(nameof(targets), $"SequenceCrossEntropy: target {label} at flat position {i} is not an index in [0, {v}).");
            }

            // -log softmax(z)[y] = log sum_j exp(z_j - max) + max - z_y, stable for large scores.
            var row = scores.Slice(i * v, v);
            var max = double.NegativeInfinity;
            foreach (var z in row)
            {
                max = Math.Max(max, z);
            }

            var sum = 0.0;
            foreach (var z in row)
            {
                sum += Math.Exp(z - max);
            }

            total += Math.Log(sum) + max - row[(int)label];
            if (dLogits is not null)
            {
                var d = dLogits.AsSpan().Slice(i * v, v);
                for (var j = 0; j < v; j++)
                {
                    d[j] = Math.Exp(row[j] - max) / sum / n;
                }

                d[(int)label] -= 1.0 / n;
            }
        }

        return (total / n, dLogits);
    }
}
