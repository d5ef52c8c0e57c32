using Autograder.Grader.Results;

namespace Autograder.Grader.Batch;

/// <summary>One student's graded state as read back from the output folder: <c>&lt;student&gt;/results.json</c> and its stamp.</summary>
public sealed record StudentRecord(string Student, GradeResult? Result, GradingStamp? Stamp)
{
    public const string ResultsFile = "results.json";
    public const string FeedbackFile = "feedback.md";

    /// <summary>The student's files are there but their MAC does not verify: edited or forged outside the grader.</summary>
    public bool Unverified { get; init; }

    public string Status => Unverified ? StudentStatus.Unverified : StudentStatus.Of(Result, Stamp?.Problem);

    public int LateDays => Stamp?.LateDays ?? 0;

    /// <summary>Reads a student's files; a result whose stamp does not vouch for it (MAC or hash wrong) gives no score and is flagged <see cref="Unverified"/>.</summary>
    public static StudentRecord Load(string outputFolder, string student)
    {
        var dir = Path.Combine(outputFolder, student);
        var stamp = GradingStamp.TryRead(dir);
        var path = Path.Combine(dir, ResultsFile);
        if (stamp is null || !File.Exists(path))
        {
            return new StudentRecord(student, null, null);
        }

        if (!ResultSeal.Verifies(stamp) || CacheKeys.Sha256(File.ReadAllBytes(path)) != stamp.ResultsSha256)
        {
            // Not the grader's own write (an interrupted one leaves no stamp): no score is taken from it; a batch regrades it.
            return new StudentRecord(student, null, null) { Unverified = true };
        }

        return new StudentRecord(student, ResultReader.TryReadFile(path), stamp);
    }
}
