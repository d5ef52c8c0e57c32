using Autograder.Grader.Batch;
using Autograder.Grader.Reports.Class;

namespace Autograder.Tests.Batch;

public sealed class BatchMergerTests
{
    private static readonly BatchClass Class = BatchClass.Instance;

    [Fact]
    public void Merge_ThreeShards_EqualsTheSingleMachineRunByteForByte()
    {
        var shards = Enumerable.Range(0, 3).Select(i =>
        {
            var output = Directory.CreateTempSubdirectory($"batch-shard{i}-").FullName;
            var run = BatchRunner.Run(BatchClass.Options(Class.Folder, output) with { Shard = new Shard(i, 3) });
            return (Output: output, Run: run);
        }).ToList();
        var merged = Directory.CreateTempSubdirectory("batch-merged-").FullName;

        var records = BatchMerger.Merge([.. shards.Select(s => s.Output)], merged);

        Assert.Equal(BatchClass.Students.Length, shards.Sum(s => s.Run.Total));
        Assert.All(shards, s => Assert.Equal(s.Run.Total, s.Run.Graded));
        Assert.Equal(BatchClass.Students, records.Select(r => r.Student));
        foreach (var file in new[] { Gradebook.FileName, SummaryWriter.FileName, BatchManifest.FileName })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(Class.Output, file)), File.ReadAllText(Path.Combine(merged, file)));
        }
    }

    [Fact]
    public void Merge_FoldersGradedWithDifferentRubrics_IsRefused()
    {
        var other = BatchClass.CopyOf(Class.Output);
        var manifest = BatchManifest.Read(other);
        File.WriteAllText(Path.Combine(other, BatchManifest.FileName), (manifest with { RubricKey = new string('0', 64) }).ToJson());

        var error = Assert.Throws<InvalidDataException>(() => BatchMerger.Merge([Class.Output, other], Directory.CreateTempSubdirectory("batch-merged-").FullName));

        Assert.Contains("different rubric", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_SameStudentWithDifferentResults_IsRefused()
    {
        var other = BatchClass.CopyOf(Class.Output);
        var stamp = GradingStamp.TryRead(Path.Combine(other, "alice"))!;
        File.WriteAllText(Path.Combine(other, "alice", GradingStamp.FileName), (stamp with { ResultsSha256 = "x" }).ToJson());

        var error = Assert.Throws<InvalidDataException>(() => BatchMerger.Merge([Class.Output, other], Directory.CreateTempSubdirectory("batch-merged-").FullName));

        Assert.Contains("alice", error.Message, StringComparison.Ordinal);
    }
}
