namespace NeuralNet;

public sealed partial class Tensor
{
    /// <summary>A tensor of zeros, e.g. <c>Tensor.Zeros(784, 128)</c>.</summary>
    public static Tensor Zeros(params int[] shape) => Allocate((int[])shape.Clone(), zeroed: true);

    /// <summary>
    /// A tensor of this shape whose values were not computed: reading or writing them throws an
    /// <see cref="InvalidOperationException"/> that says so. A layer returns it from <c>Backward</c> for dL/dx when
    /// <see cref="Layers.Module.InputGradientNeeded"/> is false.
    /// </summary>
    /// <param name="shape">the shape the values would have had, e.g. the layer input's</param>
    public static Tensor NotComputed(params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var copy = (int[])shape.Clone();
        return Deferred(new NotComputedValue(copy), copy);
    }

    /// <summary>
    /// A tensor whose values are whatever its memory held (NumPy's <c>np.empty</c>): for library code that writes every
    /// element itself, e.g. max-pool's backward pass zeroing one plane at a time just before routing gradients into it.
    /// </summary>
    /// <param name="shape">the shape</param>
    internal static Tensor Uninitialized(params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return Allocate((int[])shape.Clone(), zeroed: false);
    }

    /// <summary>A tensor of ones.</summary>
    public static Tensor Ones(params int[] shape) => Full(1.0, shape);

    /// <summary>A tensor filled with one value.</summary>
    public static Tensor Full(double value, params int[] shape)
    {
        var data = new double[ShapeMath.Product(shape)];
        Array.Fill(data, value);
        return Wrap(data, (int[])shape.Clone());
    }

    /// <summary>A tensor with the given shape holding a copy of <paramref name="data"/> in row-major order.</summary>
    public static Tensor FromArray(double[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Wrap((double[])data.Clone(), (int[])shape.Clone());
    }

    /// <summary>A 1-D tensor, shape (n,).</summary>
    public static Tensor From(double[] vector) => FromArray(vector, vector.Length);

    /// <summary>A 2-D tensor from a rectangular array, shape (rows, columns).</summary>
    public static Tensor From(double[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var rows = matrix.GetLength(0);
        var cols = matrix.GetLength(1);
        var data = new double[rows * cols];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                data[i * cols + j] = matrix[i, j];
            }
        }

        return Wrap(data, [rows, cols]);
    }

    /// <summary>A 0-dimensional tensor holding one number.</summary>
    public static Tensor Scalar(double value) => Wrap([value], []);

    /// <summary>0, 1, ..., n-1 as a 1-D tensor.</summary>
    public static Tensor Arange(int n)
    {
        var data = new double[n];
        for (var i = 0; i < n; i++)
        {
            data[i] = i;
        }

        return Wrap(data, [n]);
    }

    /// <summary>Samples from N(mean, std^2), like <c>np.random.normal(mean, std, size=shape)</c>.</summary>
    public static Tensor RandomNormal(int[] shape, double mean, double std, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var data = new double[ShapeMath.Product(shape)];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = mean + std * rng.NextNormal();
        }

        return Wrap(data, (int[])shape.Clone());
    }

    /// <summary>Samples from U[low, high), like <c>np.random.uniform(low, high, size=shape)</c>.</summary>
    public static Tensor RandomUniform(int[] shape, double low, double high, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var data = new double[ShapeMath.Product(shape)];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = rng.NextUniform(low, high);
        }

        return Wrap(data, (int[])shape.Clone());
    }

    /// <summary>A tensor of zeros with this tensor's shape.</summary>
    public Tensor ZerosLike() => Zeros(_shape);
}
