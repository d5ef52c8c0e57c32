using Autograder.Grader.Written.Expressions;

namespace Autograder.Tests.Written;

public sealed class ExpressionValidatorTests
{
    private static readonly string[] Vars = ["x", "y", "yhat", "o1", "a1"];

    private static ExpressionError Refused(string text)
    {
        var check = ExpressionValidator.Validate(text, Vars);
        Assert.False(check.Ok, $"'{text}' was accepted");
        return check.Error!;
    }

    [Theory]
    [InlineData("(Sigmoid(y*yhat) - 1) * y * o1")]
    [InlineData("a1 > 0 ? x : -x")]
    [InlineData("I(yhat != y && !(x <= 0)) * 2.5e-3")]
    [InlineData("-Sigmoid(-y*yhat) * y * o1")]
    [InlineData("Pow(x, 2) + Max(0, a1) + H(a1)")]
    public void Validate_AllowedExpression_IsAccepted(string text) => Assert.True(ExpressionValidator.Validate(text, Vars).Ok);

    [Fact]
    public void Validate_WrongCase_SuggestsTheFunction()
    {
        var error = Refused("(sigmoid(y*yhat) - 1) * y * o1");
        Assert.Equal("unknown name 'sigmoid' at 2: did you mean 'Sigmoid'?", error.ToString());
    }

    [Fact]
    public void Validate_Typo_SuggestsByEditDistance() => Assert.Equal("did you mean 'yhat'?", Refused("y*yhta").Suggestion);

    [Fact]
    public void Validate_CourseSpelling_SuggestsAlias() => Assert.Equal("did you mean 'Sigmoid'?", Refused("sigma(x)").Suggestion);

    [Fact]
    public void Validate_UnrelatedName_ListsTheAllowedNames() => Assert.Contains("a1, o1, x, y, yhat", Refused("banana").Suggestion, StringComparison.Ordinal);

    [Theory]
    [InlineData("System.IO.File.Delete(\"x\")", "strings are not allowed", 23)]
    [InlineData("System.IO.File.Exists(x)", "member access", 1)]
    [InlineData("new System.Net.WebClient()", "creating objects ('new') is not allowed", 1)]
    [InlineData("((Func<double, double>)(t => t))(y)", "casts are not allowed", 2)]
    [InlineData("Max(0, (t => t)(x))", "lambdas and anonymous methods are not allowed", 9)]
    [InlineData("while(true){}", "statements are not allowed ('while')", 12)]
    [InlineData("x; y", "statements are not allowed", 2)]
    [InlineData("typeof(System.IO.File) == null ? 0 : 1", "'typeof' is not allowed", 1)]
    [InlineData("x = 3", "assignments are not allowed", 1)]
    [InlineData("x++", "assignments are not allowed", 1)]
    [InlineData("GetType()", "unknown name 'GetType'", 1)]
    [InlineData("BoundNumbers", "unknown name 'BoundNumbers'", 1)]
    [InlineData("Math.Exp(x)", "member access 'Math.Exp' is not allowed", 1)]
    [InlineData("x^2", "'^' is not a power in C#", 2)]
    [InlineData("x % 2", "operator '%' is not allowed", 3)]
    [InlineData("x /* hidden */ + y", "comments are not allowed", 3)]
    [InlineData("1m + x", "number '1m' is not allowed", 1)]
    [InlineData("0x10", "number '0x10' is not allowed", 1)]
    [InlineData("Normal(0, 1)", "unknown name 'Normal'", 1)]
    [InlineData("Sigmoid", "'Sigmoid' is a function", 1)]
    [InlineData("x(1)", "'x' is a variable, not a function", 1)]
    [InlineData("Pow(x)", "Pow takes 2 arguments, found 1", 1)]
    [InlineData("Sigmoid(z: x)", "named and ref/out arguments are not allowed", 9)]
    [InlineData("default(double)", "'default' is not allowed", 1)]
    [InlineData("x is double ? 1 : 0", "operator 'is' is not allowed", 3)]
    [InlineData("$\"{x}\"", "'$' is not allowed in an answer", 1)]
    [InlineData("#r \"System.IO\"", "'#' is not allowed in an answer", 1)]
    public void Validate_ForbiddenConstruct_IsRefusedWithReasonAndPosition(string text, string reason, int position)
    {
        var error = Refused(text);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Validate_LineBreak_IsRefused() => Assert.Contains("one line", Refused("x\n#r \"a.dll\"").Reason, StringComparison.Ordinal);

    [Fact]
    public void Validate_TooLong_IsRefusedBeforeParsing() => Assert.Contains("at most 400", Refused(string.Concat(Enumerable.Repeat("x+", 250)) + "x").Reason, StringComparison.Ordinal);

    [Fact]
    public void Validate_TooDeep_IsRefused()
    {
        var deep = new string('(', 60) + "x" + new string(')', 60);
        Assert.Contains("nested more than", Refused(deep).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HostOnlyFunction_IsAllowedForTheBankOnly()
    {
        Assert.True(ExpressionValidator.Validate("Normal(0, 1)", [], allowHostOnly: true).Ok);
        Assert.False(ExpressionValidator.Validate("Normal(0, 1)", []).Ok);
    }
}
