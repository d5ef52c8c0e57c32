using Autograder.Worker.Protocol;

namespace Autograder.Grader.Checks;

/// <summary>
/// Compares a call's result on both sides whatever its type: tensors and numbers within tolerance
/// (<see cref="TensorCompare"/>), labels and flags exactly, lists item by item, and objects (records such
/// as A1's <c>A1Result(Loss, Accuracy)</c> or <c>A1Batch(X, Labels)</c>) property by property.
/// </summary>
internal static class ResultCompare
{
    private const int MaxDepth = 4;

    public static void AssertSame(CheckContext c, string what, WireValue expected, WireValue got, int depth = 0)
    {
        switch (expected)
        {
            case TensorValue or DoubleValue or DoublesValue:
                TensorCompare.AssertClose(what, expected, got, c.Spec.Atol, c.Spec.Rtol, c.Hints);
                return;
            case IntValue i when got is DoubleValue or TensorValue:
                TensorCompare.AssertClose(what, i, got, c.Spec.Atol, c.Spec.Rtol, c.Hints);
                return;
            case IntsValue ints:
                var have = got switch { IntsValue g => g.Values, DoublesValue d => d.Values.Select(v => (int)v).ToArray(), _ => null }
                    ?? throw new CheckFailure($"{what}: expected {ints.Values.Length} integers, got {TensorCompare.Describe(got)}");
                var at = Enumerable.Range(0, ints.Values.Length).FirstOrDefault(k => k >= have.Length || have[k] != ints.Values[k], -1);
                if (have.Length != ints.Values.Length || at >= 0)
                {
                    throw new CheckFailure(have.Length != ints.Values.Length
                        ? $"{what}: expected {ints.Values.Length} values, got {have.Length}"
                        : $"{what}: differs at index {at}: expected {ints.Values[at]}, got {have[at]}");
                }

                return;
            case ListValue list:
                if (got is not ListValue other || other.Items.Count != list.Items.Count)
                {
                    throw new CheckFailure($"{what}: expected a list of {list.Items.Count} items, got {TensorCompare.Describe(got)}");
                }

                for (var k = 0; k < list.Items.Count; k++)
                {
                    AssertSame(c, $"{what}[{k}]", list.Items[k], other.Items[k], depth + 1);
                }

                return;
            case ObjectValue obj when depth < MaxDepth:
                if (got is not ObjectValue student)
                {
                    throw new CheckFailure($"{what}: expected a {obj.Type.Split('.').Last()}, got {TensorCompare.Describe(got)}");
                }

                var wanted = Properties(c.Reference(new WorkerRequest(0, "describe", Target: obj.Handle)));
                var found = Properties(c.Student(new WorkerRequest(0, "describe", Target: student.Handle)).Value!);
                foreach (var (name, value) in wanted)
                {
                    AssertSame(c, $"{what}.{name}", value, found.GetValueOrDefault(name) ?? throw new CheckFailure($"{what}: has no {name}"), depth + 1);
                }

                return;
            case ObjectValue:
            case NullValue:
                return;
            default:
                if (!expected.Equals(got))
                {
                    throw new CheckFailure($"{what}: expected {Text(expected)}, got {Text(got)}");
                }

                return;
        }
    }

    private static Dictionary<string, WireValue> Properties(WireValue described) =>
        described is ListValue pairs
            ? pairs.Items.OfType<ListValue>().Where(p => p.Items is [StringValue, _]).ToDictionary(p => ((StringValue)p.Items[0]).Value, p => p.Items[1], StringComparer.Ordinal)
            : [];

    private static string Text(WireValue v) => v switch
    {
        BoolValue b => b.Value ? "true" : "false",
        StringValue s => $"'{s.Value}'",
        IntValue i => i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => TensorCompare.Describe(v),
    };
}
