using Autograder.Grader.Batch;

namespace Autograder.Tests.Batch;

public sealed class ShardTests
{
    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("3/10", 3, 10)]
    [InlineData("9/10", 9, 10)]
    public void Parse_ValidShard_GivesIndexAndCount(string text, int index, int count) =>
        Assert.Equal(new Shard(index, count), Shard.Parse(text));

    [Theory]
    [InlineData("10/10")]
    [InlineData("1/0")]
    [InlineData("-1/3")]
    [InlineData("3")]
    [InlineData("a/b")]
    public void Parse_InvalidShard_NamesTheExpectedForm(string text)
    {
        var error = Assert.Throws<FormatException>(() => Shard.Parse(text));
        Assert.Contains("--shard", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contains_TenShards_PutEveryStudentInExactlyOneAndSpreadThem()
    {
        var students = Enumerable.Range(0, 1000).Select(i => $"student{i:0000}").ToList();
        var shards = Enumerable.Range(0, 10).Select(i => new Shard(i, 10)).ToList();

        Assert.All(students, s => Assert.Single(shards, shard => shard.Contains(s)));
        Assert.All(shards, shard => Assert.InRange(students.Count(shard.Contains), 60, 140));
    }

    [Fact]
    public void StableHash_IsFnv1a64_SoShardsAgreeAcrossMachines()
    {
        Assert.Equal(0xcbf29ce484222325UL, Shard.StableHash(""));
        Assert.Equal(0xaf63dc4c8601ec8cUL, Shard.StableHash("a"));
    }
}
