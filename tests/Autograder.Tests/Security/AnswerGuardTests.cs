using Autograder.Grader.Execution;
using Autograder.Worker.Protocol;

namespace Autograder.Tests.Security;

/// <summary>The host distrusts every worker answer: malformed tensors become errors, long texts are cut.</summary>
public sealed class AnswerGuardTests
{
    [Fact]
    public void Tensor_WhoseDataDoesNotMatchItsShape_TurnsTheAnswerIntoAnError()
    {
        var answer = new WorkerResponse(1, true, new TensorValue([2, 3], new byte[5 * sizeof(double)]));

        var checkedAnswer = AnswerGuard.Check(answer);

        Assert.False(checkedAnswer.Ok);
        Assert.Equal("the worker's answer is malformed: a tensor of shape (2, 3) needs 6 values but carries 5", checkedAnswer.Error!.Message);
    }

    [Theory]
    [InlineData(new[] { -1, 4 })]
    [InlineData(new[] { int.MaxValue, int.MaxValue, int.MaxValue })]
    public void Tensor_WithANegativeOrHugeShape_IsMalformed(int[] shape)
    {
        var checkedAnswer = AnswerGuard.Check(new WorkerResponse(1, true, new ListValue([new TensorValue(shape, new byte[8])])));

        Assert.False(checkedAnswer.Ok);
        Assert.Equal("MalformedAnswer", checkedAnswer.Error!.Type);
    }

    [Fact]
    public void WellFormedTensor_PassesUnchanged()
    {
        var tensor = TensorValue.From([2, 2], [1, double.NaN, 3, 4]);

        var checkedAnswer = AnswerGuard.Check(new WorkerResponse(1, true, tensor));

        Assert.True(checkedAnswer.Ok);
        Assert.Same(tensor, checkedAnswer.Value);
    }

    [Fact]
    public void StudentTexts_AreCutWithANote()
    {
        var huge = new string('x', 1_000_000);
        var answer = new WorkerResponse(1, false, Error: new WireError("System.Exception", huge, huge), Output: huge);

        var checkedAnswer = AnswerGuard.Check(answer);

        Assert.All(new[] { checkedAnswer.Error!.Message, checkedAnswer.Error.StackTrace!, checkedAnswer.Output! }, text =>
        {
            Assert.True(text.Length < AnswerGuard.MaxText + 100, $"{text.Length} characters kept");
            Assert.EndsWith("[cut: 995,904 more characters]", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void StringValues_StayWhole_ButEveryCheckMessageIsBounded()
    {
        var text = new string('y', 100_000);

        var checkedAnswer = AnswerGuard.Check(new WorkerResponse(1, true, new StringValue(text)));
        var outcome = new Autograder.Grader.Results.Failed($"expected 'a', found '{text}'");

        Assert.Equal(text, ((StringValue)checkedAnswer.Value!).Value);
        Assert.True(outcome.Message.Length <= (2 * Autograder.Grader.Results.TextLimit.MaxChars) + 60, $"{outcome.Message.Length} characters kept");
        Assert.Contains("[cut: ", outcome.Message, StringComparison.Ordinal);
    }
}
