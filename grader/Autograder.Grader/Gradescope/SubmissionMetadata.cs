using System.Globalization;
using System.Text.Json.Nodes;

namespace Autograder.Grader.Gradescope;

/// <summary>
/// The parts of Gradescope's <c>/autograder/submission_metadata.json</c> the grader uses: when the
/// student submitted (<c>created_at</c>) and the due dates (<c>assignment.due_date</c>,
/// <c>assignment.late_due_date</c>). A student's own due date (an extension, in
/// <c>users[].assignment</c>) wins over the assignment's.
/// </summary>
public sealed record SubmissionMetadata(DateTimeOffset? CreatedAt, DateTimeOffset? DueDate, DateTimeOffset? LateDueDate)
{
    public const string FileName = "submission_metadata.json";

    public static SubmissionMetadata Parse(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new InvalidDataException($"{FileName} is empty");
        var assignment = root["assignment"]?.AsObject();
        var personal = root["users"]?.AsArray().Select(u => u?["assignment"]?.AsObject()).FirstOrDefault(a => a?["due_date"] is not null);
        return new SubmissionMetadata(
            Date(root["created_at"]),
            Date(personal?["due_date"]) ?? Date(assignment?["due_date"]),
            Date(personal?["late_due_date"]) ?? Date(assignment?["late_due_date"]));
    }

    /// <summary>Reads the file when it exists (it does on Gradescope; a local run may have none).</summary>
    public static SubmissionMetadata? TryRead(string path) => File.Exists(path) ? Parse(File.ReadAllText(path)) : null;

    private static DateTimeOffset? Date(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null;
}
