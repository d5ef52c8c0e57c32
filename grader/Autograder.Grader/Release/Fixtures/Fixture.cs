using System.Globalization;
using System.Text;
using NeuralNet;

namespace Autograder.Grader.Release.Fixtures;

/// <summary>
/// Inputs and reference outputs of one public check, computed by the reference at release time and
/// written into the kit as JSON, so a kit never needs the reference.
/// </summary>
public sealed class Fixture
{
    private readonly List<(string Name, string Json)> entries = [];

    public Fixture(string part, ulong seed)
    {
        Part = part;
        Seed = seed;
    }

    public string Part { get; }

    public ulong Seed { get; }

    public Fixture Tensor(string name, Tensor value)
    {
        var shape = string.Join(", ", value.Shape);
        var data = string.Join(", ", value.ToArray().Select(Number));
        entries.Add((name, $"{{ \"shape\": [{shape}], \"data\": [{data}] }}"));
        return this;
    }

    public Fixture Ints(string name, IEnumerable<int> values)
    {
        entries.Add((name, $"[{string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)))}]"));
        return this;
    }

    public Fixture Scalar(string name, double value)
    {
        entries.Add((name, Number(value)));
        return this;
    }

    /// <summary>The fixture as JSON: <c>{ "part", "seed", "values": { name: tensor | ints | number } }</c>.</summary>
    public string ToJson()
    {
        var json = new StringBuilder();
        json.Append("{\n  \"part\": \"").Append(Part).Append("\",\n  \"seed\": ")
            .Append(Seed.ToString(CultureInfo.InvariantCulture)).Append(",\n  \"values\": {\n");
        for (var i = 0; i < entries.Count; i++)
        {
            json.Append("    \"").Append(entries[i].Name).Append("\": ").Append(entries[i].Json)
                .Append(i + 1 < entries.Count ? ",\n" : "\n");
        }

        return json.Append("  }\n}\n").ToString();
    }

    // 12 significant digits: far below every check's tolerance, and it keeps the committed kit
    // byte-identical on machines whose last-bit rounding differs (FMA or not in the matmul kernel).
    private static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"fixture {nameof(value)} {value} is not finite; a fixture must hold finite numbers");
        }

        var rounded = double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return rounded == 0 ? "0" : rounded.ToString("R", CultureInfo.InvariantCulture);
    }
}
