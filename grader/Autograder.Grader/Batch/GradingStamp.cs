using System.Text.Json;
using System.Text.Json.Serialization;

namespace Autograder.Grader.Batch;

/// <summary>
/// What a student's result was graded from, stored as <c>&lt;student&gt;/.grading.json</c> and written
/// last: the cache keys (submission, rubric, grader), the SHA-256 of the results.json it vouches for,
/// the lateness and the overall status. A result without a matching stamp is regraded.
/// </summary>
/// <param name="Student">the student id (the submission's name)</param>
/// <param name="Submission">the submission's file or folder name</param>
/// <param name="SubmissionHash">SHA-256 of the submission's bytes (<see cref="CacheKeys.HashSubmission"/>)</param>
/// <param name="BaseKey">hash of everything but the rubric items: submission, grader, library, rubric limits/policy/dates, time</param>
/// <param name="ItemKeys">hash of each rubric item as graded, by item id</param>
/// <param name="ResultsSha256">SHA-256 of the results.json written with this stamp</param>
/// <param name="SubmittedAt">when the student submitted, if known</param>
/// <param name="LateDays">started days after the due date (0 when on time or unknown)</param>
/// <param name="Problem">why the submission could not be graded as given (unreadable zip, duplicate), else null</param>
/// <param name="Seconds">wall time of the last grading of this student</param>
/// <param name="Mac">HMAC-SHA256 of the rest of the stamp under the grader's key (<see cref="ResultSeal"/>)</param>
public sealed record GradingStamp(
    string Student,
    string Submission,
    string SubmissionHash,
    string BaseKey,
    IReadOnlyDictionary<string, string> ItemKeys,
    string ResultsSha256,
    DateTimeOffset? SubmittedAt,
    int LateDays,
    string? Problem,
    double Seconds,
    string? Mac = null)
{
    /// <summary>The stamp's file name inside a student's output folder.</summary>
    public const string FileName = ".grading.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Reads a stamp; null when it is missing or unreadable (the student is then regraded).</summary>
    public static GradingStamp? TryRead(string studentDirectory)
    {
        var path = Path.Combine(studentDirectory, FileName);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<GradingStamp>(File.ReadAllText(path), Options) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
