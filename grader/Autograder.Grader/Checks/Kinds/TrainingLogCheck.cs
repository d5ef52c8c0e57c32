using System.Text.Json;
using Autograder.Grader.Rubrics;
using NJsonSchema;

namespace Autograder.Grader.Checks.Kinds;

/// <summary>
/// <c>training-log</c>: the submitted log <c>file</c> must be JSON valid against <c>schema</c>
/// (default rubrics/schemas/training-log.schema.json, relative to the course root), hold only finite
/// numbers, keep accuracies in [0, 1], its arrays must have at least <c>min_entries</c> entries, and
/// it must meet the <c>expect</c> rules (<see cref="LogExpectations"/>: the run's name and settings,
/// the handout's figures as sanity ranges). The schema is parsed once per file and process.
/// </summary>
internal sealed class TrainingLogCheck : ICheckKind
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    public string Kind => "training-log";

    public int CaseCount(CheckSpec spec) => 1;

    public void RunCase(CheckContext c, int caseIndex)
    {
        var file = c.Spec.File ?? throw new RubricError("training-log needs file");
        if (!c.Environment.Logs.TryGetValue(file, out var text))
        {
            throw new NotSubmitted($"{file} was not found in the submission; run the training command and include the log it writes");
        }

        var schemaPath = Path.Combine(c.Environment.CourseRoot, c.Spec.Schema ?? "rubrics/schemas/training-log.schema.json");
        if (!File.Exists(schemaPath))
        {
            throw new RubricError($"schema {schemaPath} does not exist");
        }

        var schema = Schemas.GetOrAdd($"{schemaPath}|{File.GetLastWriteTimeUtc(schemaPath).Ticks}", p => JsonSchema.FromFileAsync(p[..p.LastIndexOf('|')]).GetAwaiter().GetResult());
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new CheckFailure($"{file} is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var errors = schema.Validate(text);
            if (errors.Count > 0)
            {
                throw new CheckFailure($"{file} does not match the log format: {string.Join("; ", errors.Take(3).Select(e => $"{e.Path}: {e.Kind}"))}");
            }

            Sane(document.RootElement, "$", file, c.Spec.MinEntries ?? 1);
            LogConsistency.Check(file, document.RootElement, c.Spec.TrainExamples);
            if (c.Spec.Expect is { } rules)
            {
                LogExpectations.Check(file, document.RootElement, rules);
            }
        }
    }

    private static void Sane(JsonElement element, string path, string file, int minEntries)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    // min_entries is about the per-epoch lists at the top; nested arrays (the config's echo) may be empty.
                    Sane(p.Value, $"{path}.{p.Name}", file, path == "$" ? minEntries : 0);
                    if (p.Name.Contains("acc", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.Array
                        && p.Value.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Number && v.GetDouble() is < 0 or > 1))
                    {
                        throw new CheckFailure($"{file}: {path}.{p.Name} holds accuracies outside [0, 1]");
                    }
                }

                break;
            case JsonValueKind.Array:
                if (element.GetArrayLength() < minEntries)
                {
                    throw new CheckFailure($"{file}: {path} has {element.GetArrayLength()} entries, expected at least {minEntries}");
                }

                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Sane(item, $"{path}[{i++}]", file, 0);
                }

                break;
            case JsonValueKind.Number when !double.IsFinite(element.GetDouble()):
                throw new CheckFailure($"{file}: {path} is not a finite number");
        }
    }
}
