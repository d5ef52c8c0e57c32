using Autograder.Worker.Engine;
using Autograder.Worker.Protocol;

namespace Autograder.Tests.Grader;

/// <summary>
/// The engine's data-set messages: <c>let-rows</c> binds a matrix sent in chunks without echoing it, and with a key
/// keeps it across <c>reset</c>, so a later check binds a fresh copy with <c>let-kept</c> instead of receiving it again.
/// </summary>
public sealed class ObjectEngineKeptRowsTests
{
    private static readonly double[] Values = [1, 2, 3, 4, 5, 6];

    private static ObjectEngine Engine() => new(typeof(NeuralNet.Layers.Linear).Assembly);

    private static WorkerResponse Ok(ObjectEngine engine, WorkerRequest request)
    {
        var response = engine.Execute(request);
        Assert.True(response.Ok, $"{request.Op}: {response.Error?.Type}: {response.Error?.Message}");
        return response;
    }

    private static void SendRows(ObjectEngine engine, string? key)
    {
        foreach (var first in new[] { 0, 1 })
        {
            WireValue[] args = key is null
                ? [TensorValue.From([1, 3], Values[(first * 3)..((first + 1) * 3)]), new IntsValue([first, 2])]
                : [TensorValue.From([1, 3], Values[(first * 3)..((first + 1) * 3)]), new IntsValue([first, 2]), new StringValue(key)];
            var response = Ok(engine, new WorkerRequest(first + 1, "let-rows", Args: args, Bind: "x"));
            // Bound, not echoed: the host has the values already (a whole training set came back as 53 MB).
            Assert.IsType<NullValue>(response.Value);
        }
    }

    private static double[] ValuesOfX(ObjectEngine engine) =>
        Assert.IsType<DoublesValue>(Ok(engine, new WorkerRequest(9, "call", Target: "x", Member: "ToArray")).Value).Values;

    private static bool LetKept(ObjectEngine engine, string key) =>
        Ok(engine, new WorkerRequest(8, "let-kept", Args: [new StringValue("x"), new StringValue(key)])).Value is BoolValue { Value: true };

    [Fact]
    public void LetRows_WithAKey_SurvivesReset_AndEachLetKeptBindsAFreshCopy()
    {
        var engine = Engine();
        SendRows(engine, "mnist:x:2");
        Assert.Equal(Values, ValuesOfX(engine));

        Ok(engine, new WorkerRequest(3, "reset"));
        Assert.True(LetKept(engine, "mnist:x:2"));
        Assert.Equal(Values, ValuesOfX(engine));

        // A check that changes its data in place (x += 1) leaves the kept rows as they were sent.
        Ok(engine, new WorkerRequest(4, "let", Args: [TensorValue.From([2, 3], [1, 1, 1, 1, 1, 1])], Bind: "ones"));
        Ok(engine, new WorkerRequest(5, "call", Target: "x", Member: "AddInPlace", Args: [new RefValue("ones"), new DoubleValue(1.0)]));
        Assert.Equal(Values.Select(v => v + 1), ValuesOfX(engine));
        Assert.True(LetKept(engine, "mnist:x:2"));
        Assert.Equal(Values, ValuesOfX(engine));
    }

    [Fact]
    public void LetRows_PixelChunks_BindTheTablesValuesExactly_AndMixWithFloatChunks()
    {
        // Pixels stand for Table[byte]; a table with values no byte / 255 gives shows the table, not a fixed scaling, is used.
        double[] table = [.. Enumerable.Range(0, 256).Select(b => b * 0.1 + 1e-17 * b)];
        var tableBytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(table.AsSpan()).ToArray();
        var engine = Engine();
        Ok(engine, new WorkerRequest(1, "let-rows", Args: [new PixelsValue([1, 3], [0, 7, 255], tableBytes), new IntsValue([0, 3])], Bind: "x"));
        Ok(engine, new WorkerRequest(2, "let-rows", Args: [TensorValue.From([1, 3], [double.NaN, -0.0, 2.5]), new IntsValue([1, 3])], Bind: "x"));
        Ok(engine, new WorkerRequest(3, "let-rows", Args: [new PixelsValue([1, 3], [3, 3, 128], tableBytes), new IntsValue([2, 3])], Bind: "x"));
        double[] expected = [table[0], table[7], table[255], double.NaN, -0.0, 2.5, table[3], table[3], table[128]];
        Assert.Equal(
            expected.Select(BitConverter.DoubleToInt64Bits),
            ValuesOfX(engine).Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void LetRows_PixelsWithAShortTableOrWrongCount_IsRefusedByName()
    {
        var engine = Engine();
        var shortTable = engine.Execute(new WorkerRequest(1, "let-rows", Args: [new PixelsValue([1, 2], [1, 2], new byte[255 * 8]), new IntsValue([0, 1])], Bind: "x"));
        Assert.False(shortTable.Ok);
        Assert.Contains("table of 256 float64 (2048 bytes), found 2040 bytes", shortTable.Error!.Message);

        var wrongCount = engine.Execute(new WorkerRequest(2, "let-rows", Args: [new PixelsValue([1, 3], [1, 2], new byte[256 * 8]), new IntsValue([0, 1])], Bind: "x"));
        Assert.False(wrongCount.Ok);
        Assert.Contains("shape [1, 3] does not match 2 pixels", wrongCount.Error!.Message);

        var shortTensor = engine.Execute(new WorkerRequest(3, "let-rows", Args: [new TensorValue([1, 3], new byte[16]), new IntsValue([0, 1])], Bind: "y"));
        Assert.False(shortTensor.Ok);
        Assert.Contains("let-rows y: a [1, 3] chunk needs 24 bytes, found 16", shortTensor.Error!.Message);
    }

    [Fact]
    public void LetKept_OtherKeyOrRowsSentWithoutKey_IsFalse()
    {
        var engine = Engine();
        Assert.False(LetKept(engine, "mnist:x:2"));
        SendRows(engine, key: null);
        Assert.False(LetKept(engine, "mnist:x:2"));
        SendRows(engine, "mnist:x:2");
        Assert.False(LetKept(engine, "mnist:x:3"));
        Assert.True(LetKept(engine, "mnist:x:2"));
    }
}
