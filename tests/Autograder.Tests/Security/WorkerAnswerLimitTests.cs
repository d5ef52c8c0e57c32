using System.Text;
using Autograder.Grader.Execution;

namespace Autograder.Tests.Security;

/// <summary>The grader reads at most <see cref="WorkerSession.ResponseLimit"/> bytes of one worker answer (the ReturnsHugeTensor attack).</summary>
public sealed class WorkerAnswerLimitTests
{
    private static AnswerReader Reader(string text, int limit = WorkerSession.ResponseLimit) => new(new MemoryStream(Encoding.UTF8.GetBytes(text)), limit);

    private static string? Text(ReadOnlyMemory<byte>? line) => line is { } bytes ? Encoding.UTF8.GetString(bytes.Span) : null;

    [Fact]
    public void ReadLine_AnswerOverTheLimit_StopsAtTheLimit()
    {
        var (line, tooLong) = Reader(new string('A', 3_000) + "\n", limit: 1_000).ReadLine();

        Assert.True(tooLong);
        Assert.Null(line);
    }

    [Fact]
    public void ReadLine_AnswerOfExactlyTheLimit_IsRead()
    {
        var reader = Reader(new string('A', 1_000) + "\n" + new string('B', 1_001) + "\n", limit: 1_000);

        var (first, firstTooLong) = reader.ReadLine();
        Assert.False(firstTooLong);
        Assert.Equal(new string('A', 1_000), Text(first));
        Assert.True(reader.ReadLine().TooLong);
    }

    [Fact]
    public void ReadLine_Answers_AreReadOneLineAtATime()
    {
        var reader = Reader("{\"Id\":1}\r\n{\"Id\":2}\n{\"Id\":3}");

        Assert.Equal("{\"Id\":1}", Text(reader.ReadLine().Line));
        Assert.Equal("{\"Id\":2}", Text(reader.ReadLine().Line));
        Assert.Equal("{\"Id\":3}", Text(reader.ReadLine().Line));   // the last, cut before its line feed
        Assert.Equal(((ReadOnlyMemory<byte>?)null, false), reader.ReadLine());
    }

    [Fact]
    public void ReadLine_LinesLongerThanItsBuffer_ComeBackWhole()
    {
        // 300 KB lines cross the 64 KB buffer's refills; a short line between them starts mid-buffer.
        var first = new string('x', 300_000);
        var second = string.Concat(Enumerable.Range(0, 30_000).Select(i => (char)('a' + (i % 26))));
        var reader = Reader($"{first}\n{{}}\n{second}\r\n");

        Assert.Equal(first, Text(reader.ReadLine().Line));
        Assert.Equal("{}", Text(reader.ReadLine().Line));
        Assert.Equal(second, Text(reader.ReadLine().Line));
        Assert.Null(reader.ReadLine().Line);
    }

    [Fact]
    public void AnAnswerThatIsNotUtf8_IsInvalidProtocolJson()
    {
        // A worker writing bytes no honest answer holds: the session ends the check as crashed on a JsonException.
        var bytes = Encoding.UTF8.GetBytes("{\"id\":1,\"ok\":true,\"output\":\"ab\"}").ToList();
        bytes.Insert(bytes.Count - 3, 0xFF);
        var (line, _) = new AnswerReader(new MemoryStream([.. bytes, (byte)'\n']), WorkerSession.ResponseLimit).ReadLine();

        Assert.Throws<System.Text.Json.JsonException>(() => Autograder.Worker.Protocol.WireJson.Deserialize<Autograder.Worker.Protocol.WorkerResponse>(line!.Value.Span));
    }
}
