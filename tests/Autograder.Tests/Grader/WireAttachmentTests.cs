using System.Text;
using System.Text.Json;
using Autograder.Grader.Execution;
using Autograder.Worker.Protocol;

namespace Autograder.Tests.Grader;

/// <summary>
/// A request's large byte arrays (a data set's pixels, a tensor's payload) travel as raw attachments before its line, not as
/// base64 inside it; the worker's <see cref="RequestReader"/> gives them back bit for bit. Answers never carry attachments.
/// </summary>
public sealed class WireAttachmentTests
{
    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void LargeArrays_GoRawBeforeTheLine_AndComeBackBitForBit()
    {
        var pixels = RandomBytes(100_000, 1);
        var grid = RandomBytes(WireJson.AttachmentBytes, 2);
        var table = RandomBytes(2048, 3);
        var small = TensorValue.From([2], [double.NaN, -0.0]);
        var stream = new MemoryStream();
        WireJson.WriteLine(stream, new WorkerRequest(1, "let", Args: [small], Bind: "a"));
        WireJson.WriteLine(stream, new WorkerRequest(2, "call", Target: "r", Member: "AddTrainPixels",
            Args: [new BytesValue(pixels), new PixelsValue([8, 8192], grid, table), new IntsValue([1, 2])]));
        WireJson.WriteLine(stream, new WorkerRequest(3, "reset"));

        // Raw: the two large arrays once each, not a third larger as base64.
        Assert.InRange(stream.Length, pixels.Length + grid.Length, pixels.Length + grid.Length + 4_000);
        stream.Position = 0;
        var reader = new RequestReader(stream);

        var (line1, none) = reader.Read()!.Value;
        Assert.Empty(none);
        var first = WireJson.Deserialize<WorkerRequest>(line1, none);
        Assert.Equal(small.Data, Assert.IsType<TensorValue>(first.Args![0]).Data);

        var (line2, attachments) = reader.Read()!.Value;
        Assert.Equal([pixels.Length, grid.Length], attachments.Select(a => a.Length));
        // The line names its attachments and holds only the 2 KB table as base64 (2,732 characters).
        Assert.True(line2.Length < 3_500, $"the line should name its attachments, not hold them: {line2.Length} characters");
        var second = WireJson.Deserialize<WorkerRequest>(line2, attachments);
        Assert.Equal(pixels, Assert.IsType<BytesValue>(second.Args![0]).Data);
        var sent = Assert.IsType<PixelsValue>(second.Args[1]);
        Assert.Equal(grid, sent.Pixels);
        Assert.Equal(table, sent.Table); // 2 KB: inline base64
        Assert.Equal([1, 2], Assert.IsType<IntsValue>(second.Args[2]).Values);

        var (line3, _) = reader.Read()!.Value;
        Assert.Equal("reset", WireJson.Deserialize<WorkerRequest>(line3, []).Op);
        Assert.Null(reader.Read());
    }

    [Fact]
    public void Answers_StayPlainJson_AndAnAttachmentInOneIsInvalid()
    {
        var big = RandomBytes(WireJson.AttachmentBytes * 2, 4);
        // As the worker writes an answer (one call, one line) and the host reads it (AnswerReader, the JSON read from bytes).
        var stream = new MemoryStream();
        WireJson.WriteAnswerLine(stream, new WorkerResponse(1, true, new BytesValue(big)));
        var answer = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Equal(1, answer.Count(ch => ch == '\n'));
        Assert.EndsWith("\n", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(WireJson.AttachmentHeader, answer, StringComparison.Ordinal);
        Assert.Contains(Convert.ToBase64String(big), answer, StringComparison.Ordinal);
        var (line, tooLong) = new AnswerReader(new MemoryStream(stream.ToArray()), WorkerSession.ResponseLimit).ReadLine();
        Assert.False(tooLong);
        Assert.Equal(big, Assert.IsType<BytesValue>(WireJson.Deserialize<WorkerResponse>(line!.Value.Span).Value).Data);

        // A worker cannot point the host at bytes it never sent: the host reads answers without attachments.
        const string forged = "{\"id\":1,\"ok\":true,\"value\":{\"k\":\"bytes\",\"data\":{\"attachment\":0}}}";
        var error = Assert.Throws<JsonException>(() => WireJson.Deserialize<WorkerResponse>(forged));
        Assert.Contains("attachment 0 was not sent with this request (0 were)", error.Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => WireJson.Deserialize<WorkerRequest>(
            "{\"id\":1,\"op\":\"call\",\"args\":[{\"k\":\"bytes\",\"data\":{\"attachment\":1}}]}", [new byte[3]]));
    }

    [Fact]
    public void BytesValue_ReachesAByteArrayParameter()
    {
        // The log re-run's pixels: ExperimentReplay.AddTrainPixels(byte[], int[]) called through the engine with a bytes value.
        var engine = new Autograder.Worker.Engine.ObjectEngine(typeof(NeuralNet.Layers.Linear).Assembly);
        Assert.True(engine.Execute(new WorkerRequest(1, "new", Type: "NeuralNet.Experiments.ExperimentReplay", Bind: "r",
            Args: [new IntValue(28), new IntValue(28), new IntValue(10)])).Ok);
        var added = engine.Execute(new WorkerRequest(2, "call", Target: "r", Member: "AddTrainPixels",
            Args: [new BytesValue(RandomBytes(2 * 784, 5)), new IntsValue([3, 4])]));
        Assert.True(added.Ok, added.Error?.Message);
        var ragged = engine.Execute(new WorkerRequest(3, "call", Target: "r", Member: "AddTrainPixels",
            Args: [new BytesValue(new byte[785]), new IntsValue([0])]));
        Assert.False(ragged.Ok);
        Assert.Contains("expected 1 rows of 784 pixels, found 785 bytes", ragged.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_TakesPlainLines_AndNamesAttachmentsCutShort()
    {
        var plain = new RequestReader(new MemoryStream(Encoding.UTF8.GetBytes("{\"id\":1,\"op\":\"reset\"}\r\n{\"id\":2,\"op\":\"reset\"}")));
        Assert.Equal("{\"id\":1,\"op\":\"reset\"}", plain.Read()!.Value.Line);
        Assert.Equal("{\"id\":2,\"op\":\"reset\"}", plain.Read()!.Value.Line);
        Assert.Null(plain.Read());

        var cut = new RequestReader(new MemoryStream(Encoding.ASCII.GetBytes(WireJson.AttachmentHeader + "10\n12345")));
        Assert.Throws<EndOfStreamException>(() => cut.Read());
        var noLine = new RequestReader(new MemoryStream(Encoding.ASCII.GetBytes(WireJson.AttachmentHeader + "3\nabc")));
        var missing = Assert.Throws<EndOfStreamException>(() => noLine.Read());
        Assert.Contains("after 1 attachment(s) without their request line", missing.Message, StringComparison.Ordinal);
    }
}
