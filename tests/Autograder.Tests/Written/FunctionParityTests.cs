extern alias worker;

using System.Reflection;
using Autograder.Grader.Written.Expressions;
using Autograder.Grader.Written.Wire;
using Microsoft.CodeAnalysis.CSharp;
using NeuralNet;

namespace Autograder.Tests.Written;

/// <summary>The host interpreter and the worker's compiled answers must mean the same thing.</summary>
public sealed class FunctionParityTests
{
    [Fact]
    public void AnswerGlobals_ExposeExactlyTheStudentFunctions()
    {
        var worker = typeof(worker::Autograder.Worker.Written.AnswerGlobals)
            .GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName)
            .Select(m => m.Name)
            .Distinct()
            .Order(StringComparer.Ordinal);
        Assert.Equal(FunctionTable.StudentFunctions.Select(f => f.Name).Order(StringComparer.Ordinal), worker);
    }

    [Theory]
    [InlineData("Sigmoid(x) + Sigmoid(-40*x) + H(x) + Relu(-x) + Tanh(x) + Sign(x)")]
    [InlineData("Exp(x) * Log(Abs(y) + 1) / Sqrt(2 + Sin(y) + Cos(x))")]
    [InlineData("Pow(Abs(x), 1/2) + Max(x, y) - Min(x, y) + I(x > y || !(y <= 0))")]
    [InlineData("x > 0 ? (y < 0 ? 1 : 2) : 3/4")]
    [InlineData("Dot(u, T(M) * v) + Sum(Outer(u, u) - Diag(u)) + Sum(2 * M / 4)")]
    public void Evaluate_SameExpression_InterpreterAndWorkerAgree(string expression)
    {
        var rng = new Rng(7);
        string[] names = ["x", "y", "u", "v", "M"];
        var bindings = Enumerable.Range(0, 20).Select(_ => new Dictionary<string, ExprValue>
        {
            ["x"] = new ScalarValue(rng.NextNormal() * 3),
            ["y"] = new ScalarValue(rng.NextNormal() * 3),
            ["u"] = new MatrixValue(Matrix.Build(3, 1, (_, _) => rng.NextNormal())),
            ["v"] = new MatrixValue(Matrix.Build(2, 1, (_, _) => rng.NextNormal())),
            ["M"] = new MatrixValue(Matrix.Build(2, 3, (_, _) => rng.NextNormal())),
        }).ToList();
        Assert.True(ExpressionValidator.Validate(expression, names).Ok);

        var syntax = SyntaxFactory.ParseExpression(expression);
        var expected = bindings.Select(b => ((ScalarValue)Interpreter.Evaluate(syntax, b, FunctionContext.None)).Value).ToList();
        var item = new WrittenItem("q", expression, "number", names.Select(n => new WrittenVariable(n, n is "u" or "v" or "M")).ToList(),
            bindings.Select(b => (IReadOnlyList<WrittenValue>)names.Select(n => b[n] switch
            {
                ScalarValue s => new WrittenValue([s.Value]),
                MatrixValue m => new WrittenValue(m.Value.ToArray(), m.Value.Rows, m.Value.Cols),
                _ => throw new InvalidOperationException(),
            }).ToList()).ToList());
        var result = new InProcessEvaluator().Evaluate(new WrittenRequest([item])).Items.Single();
        Assert.Null(result.Error);
        var got = result.Values!.Select(v => v.Value!.Data[0]).ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], got[i], 12);
        }
    }
}
