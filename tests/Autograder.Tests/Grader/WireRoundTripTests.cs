using System.Text;
using System.Text.Json;
using Autograder.Grader.Execution;
using Autograder.Worker.Protocol;

namespace Autograder.Tests.Grader;

/// <summary>
/// The protocol's JSON code is generated at build time (<see cref="WireContext"/>). Every kind of value must cross the wire
/// as it did with the reflection-based serializer: tagged by <c>k</c>, camelCase, nulls left out, NaN and infinities as
/// named literals, nested lists and functions intact.
/// </summary>
public sealed class WireRoundTripTests
{
    [Fact]
    public void EveryValueKind_CrossesTheWireAndComesBackEqual()
    {
        WireValue[] values =
        [
            new NullValue(), new IntValue(-7), new DoubleValue(double.NaN), new DoubleValue(double.PositiveInfinity),
            new DoubleValue(double.NegativeInfinity), new DoubleValue(-0.0), new BoolValue(true), new StringValue("Relu"),
            new IntsValue([2, 3]), new DoublesValue([1.5, double.NaN]), new BytesValue([1, 2, 3]),
            TensorValue.From([2], [0.1, double.NegativeInfinity]), new PixelsValue([1, 2], [0, 255], new byte[2048]),
            new RngValue(ulong.MaxValue), new RefValue("w"), new ObjectValue("h1", "NeuralNet.Layers.Linear"),
            new ListValue([new IntValue(1), new ListValue([new StringValue("x")])]),
            new FuncValue([new WorkerRequest(0, "call", Target: "layer", Member: "Forward", Args: [new RefValue("x")])]),
        ];
        var response = new WorkerResponse(9, true, new ListValue(values), Args: [new IntValue(1)], Output: "printed");

        var stream = new MemoryStream();
        WireJson.WriteAnswerLine(stream, response);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        var (line, tooLong) = new AnswerReader(new MemoryStream(stream.ToArray()), WorkerSession.ResponseLimit).ReadLine();
        Assert.False(tooLong);
        var back = WireJson.Deserialize<WorkerResponse>(line!.Value.Span);

        // The same text the reflection-based serializer wrote with the settings WireJson had before the generated code.
        var reflection = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
            Converters = { new WireBytesConverter() },
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        Assert.Equal(JsonSerializer.Serialize(response, reflection) + "\n", text);
        Assert.Contains("\"k\":\"tensor\"", text, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"NaN\"", text, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"-Infinity\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"error\"", text, StringComparison.Ordinal); // null properties are left out
        Assert.Equal(9, back.Id);
        Assert.Equal("printed", back.Output);
        var items = Assert.IsType<ListValue>(back.Value).Items;
        Assert.Equal(values.Length, items.Count);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(values[i].GetType(), items[i].GetType());
            Assert.Equal(Canonical(values[i]), Canonical(items[i]));
        }

        Assert.True(double.IsNaN(Assert.IsType<DoubleValue>(items[2]).Value));
        Assert.True(double.IsNegative(Assert.IsType<DoubleValue>(items[5]).Value));
        var body = Assert.IsType<FuncValue>(items[^1]).Body;
        Assert.Equal("Forward", Assert.Single(body).Member);
    }

    [Fact]
    public void UnknownKind_IsInvalidProtocolJson()
    {
        const string forged = "{\"id\":1,\"ok\":true,\"value\":{\"k\":\"assembly\",\"path\":\"/etc/passwd\"}}";
        Assert.Throws<JsonException>(() => WireJson.Deserialize<WorkerResponse>(Encoding.UTF8.GetBytes(forged)));
    }

    // Records holding arrays compare by reference: compare their JSON instead, written the same way.
    private static string Canonical(WireValue value) => JsonSerializer.Serialize(value, WireJson.Options);
}
