using System.Globalization;
using System.Text.Json;

namespace Autograder.Grader.Checks;

/// <summary>
/// The <c>expect</c> rules of a training-log check, over a parsed log. A path is dot-separated names
/// with optional indexes: <c>config.training.batch_size</c>, <c>val[-1]</c> (last), <c>val[0]</c>,
/// <c>gradient_checks[*].relative_error</c> (every entry) and a trailing <c>.length</c> (array size).
/// A rule is a scalar (the value must equal it) or <c>{min, max}</c> (inclusive range); <c>min_from</c> / <c>max_from</c>
/// (<c>{file, path, offset}</c>) compare with a value of another submitted log, for the handout's comparisons between
/// runs ("dropout 0.5 beats 0.0 at epoch 30"): the value must be at least (at most) that value plus <c>offset</c>.
/// </summary>
internal static class LogExpectations
{
    public static void Check(string file, JsonElement root, IReadOnlyDictionary<string, object> rules, IReadOnlyDictionary<string, string>? logs = null)
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
                Judge(file, at, value, rule, logs);
            }
        }
    }

    private static void Judge(string file, string at, JsonElement value, object rule, IReadOnlyDictionary<string, string>? logs)
    {
        if (rule is IDictionary<object, object> range)
        {
            if (value.ValueKind != JsonValueKind.Number)
            {
                throw new CheckFailure($"{file}: {at} should be a number, found {value.ValueKind.ToString().ToLowerInvariant()}");
            }

            var x = value.GetDouble();
            foreach (var (key, atLeast) in new[] { ("min_from", true), ("max_from", false) })
            {
                if (range.TryGetValue(key, out var spec))
                {
                    var (bound, described) = FromOtherLog(spec, key, logs);
                    if (atLeast ? x < bound : x > bound)
                    {
                        throw new CheckFailure($"{file}: {at} is {Format(x)}, expected {(atLeast ? "at least" : "at most")} {Format(bound)} ({described}), as the handout's comparison between the runs says");
                    }
                }
            }

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

    /// <summary>The bound a <c>min_from</c>/<c>max_from</c> rule sets: another log's value plus the offset.</summary>
    private static (double Bound, string Described) FromOtherLog(object spec, string key, IReadOnlyDictionary<string, string>? logs)
    {
        if (spec is not IDictionary<object, object> from || !from.TryGetValue("file", out var fileValue) || !from.TryGetValue("path", out var pathValue))
        {
            throw new RubricError($"{key} needs {{file, path, offset}}");
        }

        var other = Convert.ToString(fileValue, CultureInfo.InvariantCulture)!;
        var path = Convert.ToString(pathValue, CultureInfo.InvariantCulture)!;
        var offset = from.TryGetValue("offset", out var o) ? Number(o) : 0;
        if (logs is null || !logs.TryGetValue(other, out var text))
        {
            throw new CheckFailure($"the comparison needs {other}, which was not submitted; submit it with this log");
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var found = Select(document.RootElement, path);
            if (found is not [var (_, v)] || v.ValueKind != JsonValueKind.Number)
            {
                throw new CheckFailure($"{other}: {path} is missing or not a number, so the runs cannot be compared");
            }

            var bound = v.GetDouble() + offset;
            return (bound, $"{other} {path} {Format(v.GetDouble())}{(offset == 0 ? "" : offset > 0 ? $" + {Format(offset)}" : $" - {Format(-offset)}")}");
        }
        catch (JsonException)
        {
            throw new CheckFailure($"{other} is not valid JSON, so the runs cannot be compared");
        }
    }

    private static double Number(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    private static string Format(double v) => v.ToString("g6", CultureInfo.InvariantCulture);
}
