using Autograder.Cli;
using Autograder.Grader.Batch;
using Autograder.Grader.Checks;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Reports.Class;
using Autograder.Grader.Rubrics;

namespace Autograder.Tests.Grader;

/// <summary>A rubric proves itself before it grades anyone: names exist at load, the reference gets full marks, the kit zero.</summary>
[Trait("Category", "Slow")]
public sealed class RubricProofTests
{
    private static readonly string Root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;

    private static int RunCli(params string[] args) => (int)typeof(GradeCommand).Assembly.EntryPoint!.Invoke(null, [args])!;

    private static string RubricWith(string from, string to, int occurrence = 1)
    {
        var text = File.ReadAllText(Path.Combine(Root, "rubrics", "hw6-dnn-cnn.rubric.yaml"));
        var at = -1;
        for (var i = 0; i < occurrence; i++)
        {
            at = text.IndexOf(from, at + 1, StringComparison.Ordinal);
        }

        Assert.True(at >= 0, $"the rubric has no '{from}'");
        var path = Path.Combine(Directory.CreateTempSubdirectory("rubric-proof-").FullName, "hw6.rubric.yaml");
        File.WriteAllText(path, text[..at] + to + text[(at + from.Length)..]);
        return path;
    }

    private static string OneStudent()
    {
        var folder = Directory.CreateTempSubdirectory("rubric-proof-subs-").FullName;
        var alice = Path.Combine(folder, "alice");
        foreach (var file in Directory.EnumerateFiles(Autograder.Tests.Grader.Golden.Goldens.Case("hw6-dnn-cnn", "PassesAll"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(alice, Path.GetRelativePath(Autograder.Tests.Grader.Golden.Goldens.Case("hw6-dnn-cnn", "PassesAll"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return folder;
    }

    [Fact]
    public void Load_TypoInCheckType_FailsNamingTheCloseTypes()
    {
        var path = RubricWith("type: NeuralNet.Layers.Relu", "type: NeuralNet.Layers.Rellu");

        var error = Assert.Throws<RubricException>(() => BatchRunner.LoadRubric(new GradeRequest("", "hw6-dnn-cnn", Root) { RubricPath = path }));

        Assert.Contains("items[2].checks[0].type", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown type 'NeuralNet.Layers.Rellu'", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean: NeuralNet.Layers.Relu", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TypoInMethodName_FailsNamingTheCloseMembers()
    {
        var text = File.ReadAllText(Path.Combine(Root, "rubrics", "a1-mnist-softmax.rubric.yaml")).Replace("method: Softmax,", "method: Sofmax,", StringComparison.Ordinal);
        var error = Assert.Throws<RubricException>(() => RubricLoader.Parse(text, "a1.yaml", CheckRegistry.Names, typeof(NeuralNet.Layers.Linear).Assembly));

        Assert.Contains("unknown method 'Sofmax'", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean: Softmax", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TypoInCheckKind_SuggestsTheKnownKind()
    {
        var text = File.ReadAllText(Path.Combine(Root, "rubrics", "hw6-dnn-cnn.rubric.yaml")).Replace("kind: backward", "kind: backwrd", StringComparison.Ordinal);
        var error = Assert.Throws<RubricException>(() => RubricLoader.Parse(text, "hw6.yaml", CheckRegistry.Names));

        Assert.Contains("unknown check kind 'backwrd'; did you mean 'backward'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_RubricWithTypoedType_StopsBeforeGradingAnyone()
    {
        var rubric = RubricWith("type: NeuralNet.Layers.Relu", "type: NeuralNet.Layers.Rellu");
        var output = Path.Combine(Directory.CreateTempSubdirectory("rubric-proof-out-").FullName, "out");

        var exit = RunCli("batch", OneStudent(), "--assignment", "hw6-dnn-cnn", "--rubric", rubric, "-o", output, "--course-root", Root, "--no-sandbox");

        Assert.Equal(2, exit);
        Assert.False(File.Exists(Path.Combine(output, Gradebook.FileName)), "a rubric that does not load must grade nobody");
    }

    [Fact]
    public void Batch_RubricWithWrongExpectedValue_StopsAndTheProofNamesTheItem()
    {
        var rubric = RubricWith("train.length: 30", "train.length: 31");
        var output = Path.Combine(Directory.CreateTempSubdirectory("rubric-proof-out-").FullName, "out");

        var exit = RunCli("batch", OneStudent(), "--assignment", "hw6-dnn-cnn", "--rubric", rubric, "-o", output, "--course-root", Root, "--no-sandbox");
        var proof = RubricProof.Run(new GradeRequest("", "hw6-dnn-cnn", Root) { RubricPath = rubric }, useCache: false);

        Assert.Equal(1, exit);
        Assert.False(File.Exists(Path.Combine(output, Gradebook.FileName)), "a rubric that fails its proof must grade nobody");
        var problem = Assert.Single(proof.Problems);
        Assert.Contains("reference: item 'Q3.3' scored 0 of 2 (expected full marks)", problem, StringComparison.Ordinal);
        Assert.Contains("train.length is 30, expected 31", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Proof_CourseRubric_ProvesThenIsCached()
    {
        var cache = Directory.CreateTempSubdirectory("rubric-proof-cache-").FullName;
        var template = new GradeRequest("", "hw6-dnn-cnn", Root);

        var first = RubricProof.Run(template, cache);
        var second = RubricProof.Run(template, cache);

        Assert.True(first.Ok, first.Describe());
        Assert.False(first.Cached);
        Assert.True(second.Cached);
        Assert.True(second.Seconds < 1, $"a cached proof took {second.Seconds:0.00} s");
    }
}
