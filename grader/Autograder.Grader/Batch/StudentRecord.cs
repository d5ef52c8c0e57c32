using Autograder.Grader.Results;

namespace Autograder.Grader.Batch;

/// <summary>One student's graded state as read back from the output folder: <c>&lt;student&gt;/results.json</c> and its stamp.</summary>
public sealed record StudentRecord(string Student, GradeResult? Result, GradingStamp? Stamp)
{
    public const string ResultsFile = "results.json";
    public const string FeedbackFile = "feedback.md";

    public string Status => StudentStatus.Of(Result, Stamp?.Problem);

    public int LateDays => Stamp?.LateDays ?? 0;

    /// <summary>Reads a student's files; a result whose stamp does not vouch for it (an interrupted write) counts as missing.</summary>
    public static StudentRecord Load(string outputFolder, string student)
    {
        var dir = Path.Combine(outputFolder, student);
        var stamp = GradingStamp.TryRead(dir);
        var path = Path.Combine(dir, ResultsFile);
        if (stamp is null || !File.Exists(path) || CacheKeys.Sha256(File.ReadAllBytes(path)) != stamp.ResultsSha256)
        {
            return new StudentRecord(student, null, null);
        }

        return new StudentRecord(student, ResultReader.TryReadFile(path), stamp);
    }
}
