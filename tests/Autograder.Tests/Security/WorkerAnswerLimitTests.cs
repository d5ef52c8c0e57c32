using System.Text;
using Autograder.Grader.Execution;

namespace Autograder.Tests.Security;

/// <summary>The grader reads at most <see cref="WorkerSession.ResponseLimit"/> characters of one worker answer (the ReturnsHugeTensor attack).</summary>
public sealed class WorkerAnswerLimitTests
{
    private static StreamReader Reader(string text) => new(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void ReadLine_AnswerOverTheLimit_StopsAtTheLimit()
    {
        var huge = new string('A', 3_000) + "\n";

        var (line, tooLong) = WorkerSession.ReadLine(Reader(huge), limit: 1_000);

        Assert.True(tooLong);
        Assert.Null(line);
    }

    [Fact]
    public void ReadLine_Answers_AreReadOneLineAtATime()
    {
        using var reader = Reader("{\"Id\":1}\r\n{\"Id\":2}\n");

        Assert.Equal(("{\"Id\":1}", false), WorkerSession.ReadLine(reader, WorkerSession.ResponseLimit));
        Assert.Equal(("{\"Id\":2}", false), WorkerSession.ReadLine(reader, WorkerSession.ResponseLimit));
        Assert.Equal(((string?)null, false), WorkerSession.ReadLine(reader, WorkerSession.ResponseLimit));
    }
}
