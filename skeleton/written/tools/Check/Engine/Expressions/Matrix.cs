namespace Autograder.Grader.Written.Expressions;

/// <summary>
/// A small dense matrix of the written answers (vectors are columns, shape (n, 1)). The host's twin
/// of the worker's script type <c>Mat</c>: same operators, same shape errors, so the reference and
/// the student's expression mean the same thing.
/// </summary>
public sealed class Matrix
{
    private readonly double[] _data;

    public Matrix(int rows, int cols, double[] data)
    {
        if (rows <= 0 || cols <= 0 || data.Length != rows * cols)
        {
            throw new ArgumentException($"Matrix: shape ({rows}, {cols}) needs {rows * cols} values, found {data.Length}");
        }

        Rows = rows;
        Cols = cols;
        _data = data;
    }

    public int Rows { get; }

    public int Cols { get; }

    public bool IsVector => Cols == 1;

    public double this[int r, int c] => _data[(r * Cols) + c];

    /// <summary>Row-major copy of the entries.</summary>
    public double[] ToArray() => (double[])_data.Clone();

    public string ShapeText => $"{Rows}x{Cols}";

    public static Matrix Build(int rows, int cols, Func<int, int, double> entry)
    {
        var data = new double[rows * cols];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                data[(r * cols) + c] = entry(r, c);
            }
        }

        return new Matrix(rows, cols, data);
    }

    public Matrix Map(Func<double, double> f) => Build(Rows, Cols, (r, c) => f(this[r, c]));

    public static Matrix operator +(Matrix a, Matrix b) => Zip(a, b, "+", (x, y) => x + y);

    public static Matrix operator -(Matrix a, Matrix b) => Zip(a, b, "-", (x, y) => x - y);

    public static Matrix operator -(Matrix a) => a.Map(x => -x);

    public static Matrix operator *(double s, Matrix a) => a.Map(x => s * x);

    public static Matrix operator *(Matrix a, double s) => a.Map(x => x * s);

    public static Matrix operator /(Matrix a, double s) => a.Map(x => x / s);

    /// <summary>Matrix product (rows, k) x (k, cols).</summary>
    public static Matrix operator *(Matrix a, Matrix b)
    {
        if (a.Cols != b.Rows)
        {
            throw new EvaluationException($"matrix product: {a.ShapeText} and {b.ShapeText} are not aligned ({a.Cols} != {b.Rows})");
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

    private static Matrix Zip(Matrix a, Matrix b, string op, Func<double, double, double> f)
    {
        if (a.Rows != b.Rows || a.Cols != b.Cols)
        {
            throw new EvaluationException($"'{op}': shapes {a.ShapeText} and {b.ShapeText} differ");
        }

        return Build(a.Rows, a.Cols, (r, c) => f(a[r, c], b[r, c]));
    }
}
