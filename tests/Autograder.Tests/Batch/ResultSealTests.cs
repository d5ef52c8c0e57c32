using Autograder.Grader.Batch;
using Autograder.Grader.Reports.Class;

namespace Autograder.Tests.Batch;

/// <summary>
/// Results carry an HMAC under a key no batch folder or worker can see: a result edited on disk, even with its
/// stamp's hash recomputed, is flagged <c>unverified</c>, gives no score in the gradebook, and is regraded.
/// </summary>
public sealed class ResultSealTests
{
    private static BatchClass Class => BatchClass.Instance;

    [Fact]
    public void ForgedResult_WithItsHashRecomputed_IsUnverified_AndTheGradebookTakesNoScoreFromIt()
    {
        var output = BatchClass.CopyOf(Class.Output);
        var dir = Path.Combine(output, "carol");
        var results = Path.Combine(dir, StudentRecord.ResultsFile);
        var forged = File.ReadAllText(results).Replace("\"status\": \"failed\"", "\"status\": \"passed\"", StringComparison.Ordinal);
        File.WriteAllText(results, forged);
        var stamp = GradingStamp.TryRead(dir)!;
        File.WriteAllText(Path.Combine(dir, GradingStamp.FileName), (stamp with { ResultsSha256 = CacheKeys.Sha256(System.Text.Encoding.UTF8.GetBytes(forged)) }).ToJson());

        var record = StudentRecord.Load(output, "carol");
        var rows = BatchOutput.Write(output, BatchManifest.Read(output));

        Assert.True(record.Unverified);
        Assert.Null(record.Result);
        Assert.Equal(StudentStatus.Unverified, rows.Single(r => r.Student == "carol").Status);
        Assert.Contains("carol", File.ReadAllLines(Path.Combine(output, Gradebook.FileName)).Single(l => l.StartsWith("carol,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(",unverified", File.ReadAllLines(Path.Combine(output, Gradebook.FileName)).Single(l => l.StartsWith("carol,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void GenuineResults_Verify()
    {
        foreach (var student in BatchClass.Students)
        {
            var record = StudentRecord.Load(Class.Output, student);
            Assert.False(record.Unverified, student);
            Assert.True(ResultSeal.Verifies(record.Stamp!), student);
        }
    }

    [Fact]
    public void Stamp_WithAnyFieldChanged_NoLongerVerifies()
    {
        var stamp = StudentRecord.Load(Class.Output, "alice").Stamp!;

        Assert.True(ResultSeal.Verifies(stamp));
        Assert.False(ResultSeal.Verifies(stamp with { LateDays = stamp.LateDays + 1 }));
        Assert.False(ResultSeal.Verifies(stamp with { Mac = null }));
    }
}
