namespace NeuralNet.Transformer;

public sealed partial class TransformerLanguageModel
{
    /// <summary>
    /// Autoregressive sampling (the handout's <c>generate</c>): repeatedly crop the context to the last
    /// block_size tokens, take the logits at the last position, sample the next token from their
    /// softmax and append it. Runs in evaluation mode (no dropout) and restores the previous mode.
    /// </summary>
    /// <param name="context">starting tokens, shape (B, T0) with T0 &gt;= 1</param>
    /// <param name="maxNewTokens">number of tokens to append</param>
    /// <param name="rng">sampling generator; the same seed gives the same text</param>
    /// <returns>the context followed by the new tokens, shape (B, T0 + maxNewTokens)</returns>
    public Tensor Generate(Tensor context, int maxNewTokens, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rng);
        if (context.Rank != 2 || context.Dim(1) < 1)
        {
            throw new ArgumentException($"Generate: expected a context of shape (B, T0) with T0 >= 1, found {SequenceOps.Format(context)}.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maxNewTokens);
        var batch = context.Dim(0);
        var start = context.Dim(1);
        var total = start + maxNewTokens;
        var tokens = new double[batch * total];
        var given = context.ToArray();
        for (var b = 0; b < batch; b++)
        {
            Array.Copy(given, b * start, tokens, b * total, start);
        }

        var wasTraining = Training;
        Training = false;
        try
        {
            for (var length = start; length < total; length++)
            {
                var window = Math.Min(length, Config.BlockSize);
                var crop = new double[batch * window];
                for (var b = 0; b < batch; b++)
                {
                    Array.Copy(tokens, b * total + length - window, crop, b * window, window);
                }

                var logits = Forward(Tensor.FromArray(crop, batch, window));  // (B, window, V)
                for (var b = 0; b < batch; b++)
                {
                    tokens[b * total + length] = Sample(logits, b, window - 1, rng);
                }
            }
        }
        finally
        {
            Training = wasTraining;
        }

        return Tensor.FromArray(tokens, batch, total);
    }

    /// <summary>Draws an index from softmax(logits[b, t, :]) by inverting the cumulative distribution.</summary>
    private static int Sample(Tensor logits, int b, int t, Rng rng)
    {
        var v = logits.Dim(2);
        var row = logits.AsSpan().Slice((b * logits.Dim(1) + t) * v, v);
        var max = double.NegativeInfinity;
        foreach (var z in row)
        {
            max = Math.Max(max, z);
        }

        var weights = new double[v];
        var sum = 0.0;
        for (var j = 0; j < v; j++)
        {
            weights[j] = Math.Exp(row[j] - max);
            sum += weights[j];
        }

        var u = rng.NextDouble() * sum;
        var cumulative = 0.0;
        for (var j = 0; j < v; j++)
        {
            cumulative += weights[j];
            if (u < cumulative)
            {
                return j;
            }
        }

        return v - 1;
    }
}
