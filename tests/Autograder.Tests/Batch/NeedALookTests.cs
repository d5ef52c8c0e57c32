using Autograder.Cli;
using Autograder.Grader.Batch;

namespace Autograder.Tests.Batch;

/// <summary>The batch's "need a look" lines name each student and why.</summary>
public sealed class NeedALookTests
{
    [Fact]
    public void Reason_NamesTheRejectionTheCompileErrorAndTheTimeout()
    {
        var records = BatchClass.Instance.Run.Records.ToDictionary(r => r.Student);

        Assert.Equal(["dave", "erin", "frank"], records.Values.Where(r => StudentStatus.IsBroken(r.Status)).Select(r => r.Student).Order(StringComparer.Ordinal));
        Assert.StartsWith("not a readable zip file", BatchCommand.Reason(records["erin"]), StringComparison.Ordinal);
        Assert.Contains("undefinedMask", BatchCommand.Reason(records["dave"]), StringComparison.Ordinal);
        Assert.Contains("did not finish within", BatchCommand.Reason(records["frank"]), StringComparison.Ordinal);
    }
}
