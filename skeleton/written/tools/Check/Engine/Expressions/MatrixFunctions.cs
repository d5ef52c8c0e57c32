using NeuralNet;

namespace Autograder.Grader.Written.Expressions;

/// <summary>Matrix functions of the table (transpose, outer, diag, dot) and the random generators.</summary>
internal static class MatrixFunctions
{
    public static Matrix Transpose(Matrix m) => Matrix.Build(m.Cols, m.Rows, (r, c) => m[c, r]);

    public static Matrix Outer(Matrix u, Matrix v)
    {
        RequireVector(u, "Outer");
        RequireVector(v, "Outer");
        return Matrix.Build(u.Rows, v.Rows, (r, c) => u[r, 0] * v[c, 0]);
    }

    public static Matrix Diag(Matrix v)
    {
        RequireVector(v, "Diag");
        return Matrix.Build(v.Rows, v.Rows, (r, c) => r == c ? v[r, 0] : 0);
    }

    public static double Dot(Matrix u, Matrix v)
    {
        RequireVector(u, "Dot");
        RequireVector(v, "Dot");
        if (u.Rows != v.Rows)
        {
            throw new EvaluationException($"Dot: vectors of lengths {u.Rows} and {v.Rows}");
        }

        var sum = 0.0;
        for (var i = 0; i < u.Rows; i++)
        {
            sum += u[i, 0] * v[i, 0];
        }

        return sum;
    }

    public static Matrix Softmax(Matrix z)
    {
        RequireVector(z, "Softmax");
        var values = z.ToArray();
        var max = values.Max();
        var e = values.Select(x => Math.Exp(x - max)).ToArray();
        var total = e.Sum();
        return new Matrix(values.Length, 1, e.Select(x => x / total).ToArray());
    }

    public static Matrix Normal(int rows, int cols, Rng rng) => Matrix.Build(rows, cols, (_, _) => rng.NextNormal());

    private static void RequireVector(Matrix m, string function)
    {
        if (!m.IsVector)
        {
            throw new EvaluationException($"{function} expects a vector (shape n x 1), found a matrix {m.ShapeText}");
        }
    }
}
