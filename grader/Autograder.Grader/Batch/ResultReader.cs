using System.Globalization;
using System.Text.Json.Nodes;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;

namespace Autograder.Grader.Batch;

/// <summary>
/// Reads a results.json written by <see cref="Reports.JsonReport"/> back into a <see cref="GradeResult"/>,
/// so the gradebook, the summary, merges and partial regrades are rebuilt from the per-student files.
/// </summary>
public static class ResultReader
{
    public static GradeResult Read(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new InvalidDataException("results.json is empty");
        var items = root["items"]?.AsArray().Select(i => Item(i!.AsObject())).ToList() ?? [];
        return new GradeResult(
            Str(root, "assignment"),
            Str(root, "submission"),
            ulong.Parse(Str(root, "seed"), CultureInfo.InvariantCulture),
            Str(root, "content_hash"),
            Num(root, "score"),
            Num(root, "max_score"),
            Str(root, "sandbox"),
            items,
            Strings(root["messages"]),
            root["execution_seconds"]?.GetValue<double>() ?? 0,
            Str(root, "grader_version"),
            root["late_penalty"]?.GetValue<double>() ?? 0,
            root["grader_error"]?.GetValue<string>());
    }

    /// <summary>Reads a results.json file; null when it is missing or not a result.</summary>
    public static GradeResult? TryReadFile(string path)
    {
        try
        {
            return File.Exists(path) ? Read(File.ReadAllText(path)) : null;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidDataException or FormatException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Parses a snake_case status such as <c>compile_error</c>.</summary>
    public static CheckStatus Status(string name) => Enum.Parse<CheckStatus>(name.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);

    private static ItemResult Item(JsonObject i) => new(
        Str(i, "id"),
        Str(i, "title"),
        Num(i, "points"),
        Num(i, "max_points"),
        Enum.Parse<Visibility>(Str(i, "visibility").Replace("_", "", StringComparison.Ordinal), ignoreCase: true),
        i["checks"]?.AsArray().Select(c => Check(c!.AsObject())).ToList() ?? [],
        Strings(i["notes"]))
    {
        Bonus = i["bonus"]?.GetValue<bool>() ?? false,
    };

    private static CheckResult Check(JsonObject c) => new(
        Str(c, "name"),
        Str(c, "kind"),
        CheckOutcome.Of(Status(Str(c, "status")), c["message"]?.GetValue<string>() ?? ""),
        c["cases_passed"]?.GetValue<int>() ?? 0,
        c["cases_total"]?.GetValue<int>() ?? 0,
        c["duration_ms"]?.GetValue<double>() ?? 0,
        c["output"]?.GetValue<string>());

    private static string Str(JsonObject o, string name) =>
        o[name]?.GetValue<string>() ?? throw new InvalidDataException($"results.json: '{name}' is missing");

    private static double Num(JsonObject o, string name) =>
        o[name]?.GetValue<double>() ?? throw new InvalidDataException($"results.json: '{name}' is missing");

    private static List<string> Strings(JsonNode? node) =>
        node?.AsArray().Select(n => n?.GetValue<string>() ?? "").ToList() ?? [];
}
