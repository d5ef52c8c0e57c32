using NeuralNet.Models.A1;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: batches of B rows in order, optionally shuffled by rng.Permutation(N) first.</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Theory]
    [InlineData("b", false)]
    [InlineData("s", true)]
    public void GenerateBatchedData_MatchesReference(string prefix, bool shuffle) => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");

        var batches = A1Data.GenerateBatchedData(f.Tensor("x"), f.Ints("y"), 3, shuffle, shuffle ? new Rng(f.Seed + 1) : null);

        var what = shuffle ? "shuffled batches (rng.Permutation(N))" : "batches";
        Expect.Close($"number of {what} for 7 examples of batch size 3", f.Scalar(prefix + "_count"), batches.Count, rtol: 0, atol: 0);
        for (var i = 0; i < batches.Count; i++)
        {
            Expect.Close($"{what}: batch {i} X", f.Tensor($"{prefix}{i}_x"), batches[i].X);
            Expect.That(batches[i].Labels.SequenceEqual(f.Ints($"{prefix}{i}_y")), $"{what}: batch {i} labels: expected [{string.Join(", ", f.Ints($"{prefix}{i}_y"))}], got [{string.Join(", ", batches[i].Labels)}]");
        }
    });
}
