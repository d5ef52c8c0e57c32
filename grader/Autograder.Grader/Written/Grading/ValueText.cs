using System.Globalization;
using Autograder.Grader.Written.Expressions;
using Autograder.Grader.Written.Wire;

namespace Autograder.Grader.Written.Grading;

/// <summary>Converts values to the wire and formats them for messages.</summary>
internal static class ValueText
{
    public static string Number(double x) => x.ToString("G6", CultureInfo.InvariantCulture);

    public static WrittenValue ToWire(ExprValue value) => value switch
    {
        ScalarValue s => new WrittenValue([s.Value]),
        MatrixValue m => new WrittenValue(m.Value.ToArray(), m.Value.Rows, m.Value.Cols),
        TruthValue t => new WrittenValue([t.Value ? 1 : 0]),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    public static string Describe(WrittenValue value) =>
        value.IsNumber ? Number(value.Data[0]) : $"a {value.Rows}x{value.Cols} matrix";

    /// <summary>"x=0.31, c=2" for the scalar variables of a binding, shapes for matrices.</summary>
    public static string Binding(IReadOnlyDictionary<string, ExprValue> binding, IEnumerable<string> names) =>
        string.Join(", ", names.Select(n => binding[n] switch
        {
            ScalarValue s => $"{n}={Number(s.Value)}",
            MatrixValue m => $"{n} ({m.Value.ShapeText})",
            var v => $"{n}={v}",
        }));
}
