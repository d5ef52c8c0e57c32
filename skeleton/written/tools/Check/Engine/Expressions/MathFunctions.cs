namespace Autograder.Grader.Written.Expressions;

/// <summary>Scalar helpers shared by the table; the worker's script globals use the same formulas.</summary>
internal static class MathFunctions
{
    /// <summary>sigma(z) = 1 / (1 + e^-z), written so neither branch overflows.</summary>
    public static double Sigmoid(double z)
    {
        if (z >= 0)
        {
            return 1 / (1 + Math.Exp(-z));
        }

        var e = Math.Exp(z);
        return e / (1 + e);
    }
}
