namespace NeuralNet.Layers;

/// <summary>
/// Softmax over the classes of each row, z[k] = e^a[k] / sum_j e^a[j] (HW3 3.1, HW6 eq. 5), computed
/// after subtracting the row maximum so e^a never overflows (logits like 1000 are fine).
/// </summary>
public sealed class Softmax : Module
{
    /// <summary>Row-wise probabilities.</summary>
    /// <param name="x">logits a, shape (N, K)</param>
    /// <returns>z, shape (N, K); each row sums to 1</returns>
    public override Tensor Forward(Tensor x) => Probabilities(x);

    /// <summary>Row-wise Jacobian-vector product dX = z * (g - sum_k g[k] z[k]).</summary>
    /// <param name="x">the forward input a, shape (N, K)</param>
    /// <param name="gradOutput">dL/dz, shape (N, K)</param>
    /// <returns>dX = dL/da, shape (N, K)</returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        RequireRows(x);
        RequireShape("Softmax", gradOutput, x.Shape);
        var z = Probabilities(x);
        var dot = (gradOutput * z).Sum(1, keepDims: true); // (N, 1)
        return z * (gradOutput - dot);
    }

    /// <summary>The numerically stable softmax of each row.</summary>
    /// <param name="logits">scores, shape (N, K)</param>
    /// <returns>probabilities, shape (N, K)</returns>
    public static Tensor Probabilities(Tensor logits)
    {
        RequireRows(logits);
        var shifted = logits - logits.Max(1, keepDims: true); // (N, K), row max is 0
        var e = shifted.Exp();
        return e / e.Sum(1, keepDims: true);
    }

    /// <summary>The softmax Jacobian ds/dz = diag(s) - s sᵀ of one logit vector (A1 theory question 1).</summary>
    /// <param name="z">logits, shape (K)</param>
    /// <returns>J with J[i, j] = s_i (1[i == j] - s_j), shape (K, K)</returns>
    public static Tensor Jacobian(Tensor z)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (z.Rank != 1)
        {
            throw new ArgumentException($"Softmax.Jacobian: expected one logit vector of shape (K,), found {ShapeText.Of(z.Shape)}.");
        }

        var k = z.Dim(0);
        var s = Probabilities(z.Reshape(1, k)).Reshape(k, 1); // (K, 1)
        var identity = Tensor.Zeros(k, k);
        for (var i = 0; i < k; i++)
        {
            identity[i, i] = 1.0;
        }

        return s * identity - s.MatMul(s.T);
    }

    private static void RequireRows(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank != 2)
        {
            throw new ArgumentException($"Softmax: expected logits of shape (N, K), found {ShapeText.Of(x.Shape)}.");
        }
    }
}
