using System.Text.Json;

namespace PublicTests.Support;

/// <summary>
/// Inputs and expected outputs of a check, computed by the course's reference solution when this kit
/// was released (Fixtures/&lt;part&gt;.json). Tensors are { "shape": [...], "data": [...] } in row-major order.
/// </summary>
public sealed class FixtureFile
{
    private readonly JsonElement values;

    private FixtureFile(string part, ulong seed, JsonElement values)
    {
        Part = part;
        Seed = seed;
        this.values = values;
    }

    public string Part { get; }

    /// <summary>The seed the inputs were drawn with.</summary>
    public ulong Seed { get; }

    /// <summary>Loads Fixtures/&lt;part&gt;.json from the test output folder.</summary>
    /// <param name="part">the part id, e.g. "linear.forward"</param>
    public static FixtureFile Load(string part)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", part + ".json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new FixtureFile(part, document.RootElement.GetProperty("seed").GetUInt64(), document.RootElement.GetProperty("values").Clone());
    }

    public Tensor Tensor(string name)
    {
        var value = Get(name);
        var shape = value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var data = value.GetProperty("data").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return NeuralNet.Tensor.FromArray(data, shape);
    }

    public int[] Ints(string name) => Get(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();

    public double Scalar(string name) => Get(name).GetDouble();

    private JsonElement Get(string name) =>
        values.TryGetProperty(name, out var value)
            ? value
            : throw new KeyNotFoundException($"fixture {Part}.json has no value '{name}'; re-download the kit if you edited Fixtures/");
}
