using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Autograder.Grader.Rubrics;

/// <summary>
/// Loads <c>rubrics/&lt;id&gt;.rubric.yaml</c> into a <see cref="Rubric"/>. Unknown keys, wrong types,
/// missing ids or points, duplicate item ids and unknown check kinds fail at load with the file,
/// the YAML path and the line.
/// </summary>
public static class RubricLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithEnumNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Most points one item may carry (a bound that catches typos like 1e9 and keeps totals finite).</summary>
    public const double MaxPoints = 10_000;

    public static Rubric Load(string path) => Parse(File.ReadAllText(path), path);

    /// <param name="text">the YAML</param>
    /// <param name="fileName">named in error messages</param>
    /// <param name="knownKinds">check kinds the registry has; null skips that check</param>
    /// <param name="library">the reference library: every type and member a check names must exist in it (<see cref="RubricSymbols"/>); null skips that check</param>
    public static Rubric Parse(string text, string fileName, IReadOnlyCollection<string>? knownKinds = null, System.Reflection.Assembly? library = null) =>
        WithoutDisabledExtensions(ParseText(text, fileName, knownKinds, library), fileName);

    /// <summary>
    /// The rubric without the items that grade parts of an extension its assignment profile (the <c>&lt;id&gt;.assignment.yaml</c>
    /// beside <paramref name="fileName"/>) switches off: one flag in the profile turns the extension's items off too.
    /// </summary>
    private static Rubric WithoutDisabledExtensions(Rubric rubric, string fileName)
    {
        var profilePath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(fileName)) ?? ".", rubric.Assignment + Assignments.AssignmentProfile.FileSuffix);
        if (!fileName.EndsWith(".rubric.yaml", StringComparison.Ordinal) || !File.Exists(profilePath))
        {
            return rubric;
        }

        var disabled = Assignments.AssignmentProfile.Load(profilePath).DisabledParts;
        return disabled.Count == 0 ? rubric : rubric with { Items = [.. rubric.Items.Where(i => !i.Parts.Any(disabled.Contains))] };
    }

    private static Rubric ParseText(string text, string fileName, IReadOnlyCollection<string>? knownKinds, System.Reflection.Assembly? library)
    {
        if (NeuralNet.Experiments.YamlGuard.Problem(text) is { } guard)
        {
            throw new RubricException($"{fileName}({guard.Line}): at '{guard.Path}': {guard.Message}");
        }

        var paths = new YamlPaths(text);
        Rubric rubric;
        try
        {
            rubric = Deserializer.Deserialize<Rubric>(text) ?? throw new RubricException($"{fileName}: the rubric is empty");
        }
        catch (YamlException ex)
        {
            var where = paths.PathAt(ex.Start.Line, ex.Start.Column);
            var reason = ex.InnerException?.Message ?? ex.Message;
            throw new RubricException($"{fileName}({ex.Start.Line},{ex.Start.Column}): at '{where}': {reason}", ex);
        }

        void Fail(string path, string message) =>
            throw new RubricException($"{fileName}({paths.LineOf(path)}): at '{path}': {message}");

        if (string.IsNullOrWhiteSpace(rubric.Assignment))
        {
            Fail("assignment", "the rubric must name its assignment");
        }

        var limits = rubric.Limits;
        foreach (var (key, value, max) in new (string, double, double)[]
        {
            ("max_file_bytes", limits.MaxFileBytes, 1e9), ("max_entries", limits.MaxEntries, 1e6), ("max_total_bytes", limits.MaxTotalBytes, 1e10),
            ("call_timeout_seconds", limits.CallTimeoutSeconds, 3600), ("compile_timeout_seconds", limits.CompileTimeoutSeconds, 3600), ("memory_mb", limits.MemoryMb, 1 << 20),
        })
        {
            if (!(value > 0) || value > max)
            {
                Fail($"limits.{key}", $"expected a positive number up to {max:G}, found {value}");
            }
        }

        if (rubric.Deductions?.PrintsOutput is { } rubricPrints && rubricPrints != "all" && !double.TryParse(rubricPrints, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            Fail("deductions.prints_output", $"expected 'all' or a number of points, found '{rubricPrints}'");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rubric.Items.Count; i++)
        {
            var item = rubric.Items[i];
            var at = $"items[{i}]";
            if (string.IsNullOrWhiteSpace(item.Id))
            {
                Fail(at, "every item needs an id");
            }

            if (!seen.Add(item.Id))
            {
                Fail($"{at}.id", $"duplicate item id '{item.Id}'");
            }

            if (!(item.Points > 0) || item.Points > MaxPoints)
            {
                Fail($"{at}.points", $"item '{item.Id}' needs positive points (at most {MaxPoints:N0}), found {item.Points}");
            }

            if (item.Deductions?.PrintsOutput is { } prints && prints != "all" && !double.TryParse(prints, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                Fail($"{at}.deductions.prints_output", $"expected 'all' or a number of points, found '{prints}'");
            }

            if (item.Deduction && (!item.Manual || item.Bonus))
            {
                Fail($"{at}.deduction", $"item '{item.Id}': a deduction is a manual item (manual: true) and not a bonus");
            }

            if (item.Manual && item.Checks.Count > 0)
            {
                Fail($"{at}.checks", $"item '{item.Id}' is manual (graded by the staff) and cannot have checks");
            }

            if (item.Checks.Any(c => c.Weight is not null) && item.Checks.Any(c => c.Weight is not (> 0 and <= MaxPoints)))
            {
                Fail($"{at}.checks", $"item '{item.Id}': give every check a positive weight or none, found weights {string.Join(", ", item.Checks.Select(c => c.Weight?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"))}");
            }

            for (var j = 0; j < item.Checks.Count; j++)
            {
                if (item.Checks[j].Part is { } part && !item.Parts.Contains(part))
                {
                    Fail($"{at}.checks[{j}].part", $"item '{item.Id}': a check's part must be one of the item's parts [{string.Join(", ", item.Parts)}], found '{part}'");
                }

                var kind = item.Checks[j].Kind;
                if (string.IsNullOrWhiteSpace(kind))
                {
                    Fail($"{at}.checks[{j}]", "every check needs a kind");
                }

                if (knownKinds is not null && !knownKinds.Contains(kind))
                {
                    Fail($"{at}.checks[{j}].kind", $"unknown check kind '{kind}'{Closest(kind, knownKinds)} (known: {string.Join(", ", knownKinds.Order())})");
                }

                if (library is not null && RubricSymbols.Problems(item.Checks[j], library).FirstOrDefault() is { Key: not null } problem)
                {
                    Fail($"{at}.checks[{j}].{problem.Key}", $"item '{item.Id}', check '{item.Checks[j].Name ?? kind}': {problem.Message}");
                }
            }
        }

        return rubric;
    }

    private static string Closest(string name, IEnumerable<string> known) =>
        Written.Expressions.NameSuggester.Suggest(name, known) is { } close ? $"; did you mean '{close}'?" : "";
}
