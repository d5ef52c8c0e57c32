using Autograder.Grader.Reports;
using Autograder.Grader.Results;

namespace Autograder.Grader.Batch;

/// <summary>
/// A student's overall status in the gradebook: the most serious item status (a grader failure or a
/// rejected submission first, then sandbox outcomes, then compile errors, failures and missing work),
/// <c>passed</c> when every item passed, <c>missing</c> when there is no result yet.
/// </summary>
public static class StudentStatus
{
    public const string GraderError = "grader_error";
    public const string Rejected = "rejected";
    public const string Missing = "missing";
    public const string Passed = "passed";

    /// <summary>The student's result files do not carry the grader's MAC (edited on disk): no score is read from them.</summary>
    public const string Unverified = "unverified";

    private static readonly CheckStatus[] Severity =
    [
        CheckStatus.PolicyViolation, CheckStatus.Oom, CheckStatus.Timeout, CheckStatus.Crashed,
        CheckStatus.CompileError, CheckStatus.SyntaxError, CheckStatus.Failed, CheckStatus.NotImplemented,
    ];

    private static readonly HashSet<string> Broken =
        [GraderError, Rejected, Missing, Unverified, "policy_violation", "oom", "timeout", "crashed", "compile_error"];

    public static string Of(GradeResult? result, string? problem)
    {
        if (result is null)
        {
            return Missing;
        }

        if (result.GraderError is not null)
        {
            return GraderError;
        }

        if (problem is not null)
        {
            return Rejected;
        }

        // Bonus items are extra credit: skipping them does not make a submission less than passed.
        var statuses = result.Items.Where(i => !i.Bonus).Select(i => i.Status).ToHashSet();
        return Name(Severity.FirstOrDefault(statuses.Contains, CheckStatus.Passed));
    }

    /// <summary>True for statuses that mean the submission did not grade normally (counted as failures in progress).</summary>
    public static bool IsBroken(string status) => Broken.Contains(status);

    public static string Name(CheckStatus status) => Names.Of(status);
}
