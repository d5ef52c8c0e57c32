using System.Globalization;
using System.Text.Json;

namespace Autograder.Grader.Checks;

/// <summary>
/// The <c>expect</c> rules of a training-log check, over a parsed log. A path is dot-separated names
/// with optional indexes: <c>config.training.batch_size</c>, <c>val[-1]</c> (last), <c>val[0]</c>,
/// <c>gradient_checks[*].relative_error</c> (every entry) and a trailing <c>.length</c> (array size).
/// A rule is a scalar (the value must equal it) or <c>{min, max}</c> (inclusive range).
/// </summary>
internal static class LogExpectations
{
    public static void Check(string file, JsonElement root, IReadOnlyDictionary<string, object> rules)
    {
        foreach (var (path, rule) in rules)
        {
            var values = Select(root, path);
            if (values.Count == 0)
            {
                throw new CheckFailure($"{file}: {path} is missing");
            }

            foreach (var (at, value) in values)
            {
                Judge(file, at, value, rule);
            }
        }
    }

    private static void Judge(string file, string at, JsonElement value, object rule)
    {
        if (rule is IDictionary<object, object> range)
        {
            if (value.ValueKind != JsonValueKind.Number)
            {
                throw new CheckFailure($"{file}: {at} should be a number, found {value.ValueKind.ToString().ToLowerInvariant()}");
            }

            var x = value.GetDouble();
            if (range.TryGetValue("min", out var min) && x < Number(min))
            {
                throw new CheckFailure($"{file}: {at} is {Format(x)}, expected at least {min} (is this the run the handout asks for?)");
            }

            if (range.TryGetValue("max", out var max) && x > Number(max))
            {
                throw new CheckFailure($"{file}: {at} is {Format(x)}, expected at most {max}");
            }

            return;
        }

        var expected = Convert.ToString(rule, CultureInfo.InvariantCulture) ?? "";
        var equal = value.ValueKind switch
        {
            JsonValueKind.Number => double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e) && Math.Abs(value.GetDouble() - e) <= 1e-12 * Math.Max(1, Math.Abs(e)),
            JsonValueKind.True => expected == "true",
            JsonValueKind.False => expected == "false",
            JsonValueKind.String => value.GetString() == expected,
            _ => false,
        };
        if (!equal)
        {
            throw new CheckFailure($"{file}: {at} is {value.GetRawText()}, expected {expected}");
        }
    }

    /// <summary>The values at <paramref name="path"/>, each with its concrete path (wildcards expanded).</summary>
    private static List<(string At, JsonElement Value)> Select(JsonElement root, string path)
    {
        var current = new List<(string, JsonElement)> { ("", root) };
        foreach (var segment in path.Split('.'))
        {
            var next = new List<(string, JsonElement)>();
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            var index = bracket < 0 ? null : segment[(bracket + 1)..^1];
            foreach (var (at, element) in current)
            {
                if (name == "length" && index is null && element.ValueKind == JsonValueKind.Array)
                {
                    next.Add(($"{at}.length", JsonDocument.Parse(element.GetArrayLength().ToString(CultureInfo.InvariantCulture)).RootElement));
                    continue;
                }

                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var child))
                {
                    continue;
                }

                var childAt = at.Length == 0 ? name : $"{at}.{name}";
                if (index is null)
                {
                    next.Add((childAt, child));
                }
                else if (child.ValueKind == JsonValueKind.Array)
                {
                    var count = child.GetArrayLength();
                    var picked = index == "*"
                        ? Enumerable.Range(0, count)
                        : int.Parse(index, CultureInfo.InvariantCulture) is var i && (i < 0 ? count + i : i) is var k && k >= 0 && k < count ? [k] : [];
                    next.AddRange(picked.Select(k => ($"{childAt}[{k}]", child[k])));
                }
            }

            current = next;
        }

        return current;
    }

    private static double Number(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    private static string Format(double v) => v.ToString("g6", CultureInfo.InvariantCulture);
}
