namespace Autograder.Grader.Written.Expressions;

/// <summary>
/// A value of a written-answer expression: a number, a truth value or a matrix. Closed union: the
/// three records below are the only kinds (the same kinds a compiled student expression can have).
/// </summary>
public abstract record ExprValue
{
    private protected ExprValue()
    {
    }

    /// <summary>"number", "condition" or "matrix r x c", for messages.</summary>
    public abstract string Describe();
}

public sealed record ScalarValue(double Value) : ExprValue
{
    public override string Describe() => "number";
}

public sealed record TruthValue(bool Value) : ExprValue
{
    public override string Describe() => "condition (true/false)";
}

public sealed record MatrixValue(Matrix Value) : ExprValue
{
    public override string Describe() => $"matrix {Value.ShapeText}";
}
