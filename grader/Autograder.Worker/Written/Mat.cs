namespace Autograder.Worker.Written;

/// <summary>
/// The matrix type of compiled answers (vectors are columns, shape (n, 1)). Same operators and
/// shape errors as the host's <c>Autograder.Grader.Written.Expressions.Matrix</c>: <c>*</c> of two
/// matrices is the matrix product, a number scales a matrix.
/// </summary>
public sealed class Mat
{
    private readonly double[] _data;

    internal Mat(int rows, int cols, double[] data)
    {
        if (rows <= 0 || cols <= 0 || data.Length != rows * cols)
        {
            throw new ArgumentException($"Mat: shape ({rows}, {cols}) needs {rows * cols} values, found {data.Length}");
        }

        Rows = rows;
        Cols = cols;
        _data = data;
    }

    internal int Rows { get; }

    internal int Cols { get; }

    internal double this[int r, int c] => _data[(r * Cols) + c];

    internal double[] ToArray() => (double[])_data.Clone();

    internal string ShapeText => $"{Rows}x{Cols}";

    internal static Mat Build(int rows, int cols, Func<int, int, double> entry)
    {
        var data = new double[rows * cols];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                data[(r * cols) + c] = entry(r, c);
            }
        }

        return new Mat(rows, cols, data);
    }

    internal Mat Map(Func<double, double> f) => Build(Rows, Cols, (r, c) => f(this[r, c]));

    public static Mat operator +(Mat a, Mat b) => Zip(a, b, "+", (x, y) => x + y);

    public static Mat operator -(Mat a, Mat b) => Zip(a, b, "-", (x, y) => x - y);

    public static Mat operator -(Mat a) => a.Map(x => -x);

    public static Mat operator +(Mat a) => a;

    public static Mat operator *(double s, Mat a) => a.Map(x => s * x);

    public static Mat operator *(Mat a, double s) => a.Map(x => x * s);

    public static Mat operator /(Mat a, double s) => a.Map(x => x / s);

    /// <summary>Matrix product (rows, k) x (k, cols).</summary>
    public static Mat operator *(Mat a, Mat b)
    {
        if (a.Cols != b.Rows)
        {
            throw new InvalidOperationException($"matrix product: {a.ShapeText} and {b.ShapeText} are not aligned ({a.Cols} != {b.Rows})");
        }

        return Build(a.Rows, b.Cols, (r, c) =>
        {
            var sum = 0.0;
            for (var k = 0; k < a.Cols; k++)
            {
                sum += a[r, k] * b[k, c];
            }

            return sum;
        });
    }

    public override string ToString() => $"matrix {ShapeText}";

    private static Mat Zip(Mat a, Mat b, string op, Func<double, double, double> f)
    {
        if (a.Rows != b.Rows || a.Cols != b.Cols)
        {
            throw new InvalidOperationException($"'{op}': shapes {a.ShapeText} and {b.ShapeText} differ");
        }

        return Build(a.Rows, a.Cols, (r, c) => f(a[r, c], b[r, c]));
    }
}
