extern alias worker;

using worker::Autograder.Worker.Written;

namespace Autograder.Tests.Written;

public sealed class AnswerCompilerTests
{
    private static WrittenItem Item(string expression, string result, params (string Name, WrittenValue[] Values)[] vars)
    {
        var variables = vars.Select(v => new WrittenVariable(v.Name, !v.Values[0].IsNumber)).ToList();
        var count = vars.Length == 0 ? 1 : vars[0].Values.Length;
        var bindings = Enumerable.Range(0, count).Select(k => (IReadOnlyList<WrittenValue>)vars.Select(v => v.Values[k]).ToList()).ToList();
        return new WrittenItem("q", expression, result, variables, bindings);
    }

    private static WrittenValue N(double x) => new([x]);

    [Fact]
    public void Evaluate_ScalarExpression_RunsOnEveryBinding()
    {
        var item = Item("(Sigmoid(y*yhat) - 1) * y * o1", "number", ("y", [N(1), N(-1)]), ("yhat", [N(0.5), N(2)]), ("o1", [N(3), N(4)]));
        var result = WrittenEvaluator.Evaluate(new WrittenRequest([item])).Items.Single();
        Assert.Null(result.Error);
        var values = result.Values!.Select(v => v.Value!.Data[0]).ToArray();
        Assert.Equal((1 / (1 + Math.Exp(-0.5)) - 1) * 3, values[0], 12);
        Assert.Equal((1 / (1 + Math.Exp(2)) - 1) * -4, values[1], 12);
    }

    [Fact]
    public void Evaluate_IntegerDivision_IsRealDivision()
    {
        var result = WrittenEvaluator.Evaluate(new WrittenRequest([Item("1/2 + 3/4", "number")])).Items.Single();
        Assert.Equal(1.25, result.Values!.Single().Value!.Data[0]);
    }

    [Fact]
    public void Evaluate_MatrixExpression_UsesMatrixProduct()
    {
        var v = new WrittenValue([1, 2, 3, 4, 5, 6], 2, 3); // (c=2, b=3)
        var d = new WrittenValue([1, -1], 2, 1);
        var result = WrittenEvaluator.Evaluate(new WrittenRequest([Item("T(V) * d", "matrix", ("V", [v]), ("d", [d]))])).Items.Single();
        Assert.Null(result.Error);
        var value = result.Values!.Single().Value!;
        Assert.Equal((3, 1), (value.Rows, value.Cols));
        Assert.Equal([-3.0, -3, -3], value.Data);
    }

    [Fact]
    public void Evaluate_ConditionForNumber_SaysWrapWithI()
    {
        var result = WrittenEvaluator.Evaluate(new WrittenRequest([Item("a > 0", "number", ("a", [N(1)]))])).Items.Single();
        Assert.Contains("I(condition)", result.Error);
        Assert.Equal(1, result.Position);
    }

    [Fact]
    public void Evaluate_ShapeMismatch_ReportsPerBinding()
    {
        var v = new WrittenValue([1, 2, 3, 4, 5, 6], 2, 3);
        var result = WrittenEvaluator.Evaluate(new WrittenRequest([Item("V * V", "matrix", ("V", [v]))])).Items.Single();
        Assert.Null(result.Error);
        Assert.Contains("not aligned", result.Values!.Single().Error);
    }
}
