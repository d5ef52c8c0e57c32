using Autograder.Grader.Checks;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;

namespace Autograder.Tests.Grader;

/// <summary>
/// The accuracy check on the real library: HW3's golden submissions train a small MLP in the worker
/// (their Linear, ReLU and SGD; the provided loss) and are scored on Fashion-MNIST test images whose
/// labels only the host holds.
/// </summary>
public sealed class AccuracyCheckTests
{
    private static readonly string Root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;

    private const string RubricYaml = """
        assignment: hw3-fashion-mlp
        title: accuracy only
        items:
          - id: acc
            title: the MLP learns
            points: 3
            parts: [linear.forward, linear.backward, relu.forward, relu.backward, sgd.step]
            checks:
              - kind: accuracy
                data: {dataset: fashion-mnist, train: 1000, test: 300}
                setup:
                  - {new: NeuralNet.Layers.Linear, args: [784, 32, rng], bind: l1}
                  - {new: NeuralNet.Layers.Relu, bind: act}
                  - {new: NeuralNet.Layers.Linear, args: [32, 10, rng], bind: l2}
                  - {new: NeuralNet.Training.LayerChain, args: ["[$l1, $act, $l2]"], bind: net}
                  - {new: NeuralNet.Losses.SoftmaxCrossEntropy, bind: loss}
                  - {get: $net.Parameters, bind: params}
                step:
                  - {call: $train_x.Rows, args: [$idx], bind: xb}
                  - {call: $net.Forward, args: [$xb, true], bind: logits}
                  - {call: $loss.Backward, args: [$logits, $yb], bind: grad}
                  - {call: $net.Backward, args: [$grad]}
                  - {call: NeuralNet.Optimizers.Sgd.Update, args: [$params, 0.05]}
                predict:
                  - {call: $net.Forward, args: [$test_x, false]}
                epochs: 1
                batch_size: 20
                min_accuracy: 0.6
                timeout_seconds: 60
        """;

    private static readonly Rubric Rubric = RubricLoader.Parse(RubricYaml, "accuracy.rubric.yaml", CheckRegistry.Names);

    private static GradeResult Grade(string golden) =>
        GradingPipeline.Grade(new GradeRequest(Path.Combine(Root, "tests", "Golden", "hw3-fashion-mlp", golden), "hw3-fashion-mlp", Root) { Seed = 3, Rubric = Rubric, AllowUnsandboxed = true });

    [Fact]
    public void Accuracy_ReferenceLayers_LearnAboveTheThreshold()
    {
        var result = Grade("PassesAll");

        Assert.True(result.Score == 3, string.Join("; ", result.Items.SelectMany(i => i.Checks).Select(c => c.Outcome.Message)));
    }

    [Fact]
    public void Accuracy_SgdClimbingTheLoss_FailsNamingTheAccuracy()
    {
        var result = Grade("FailsSgdSignFlip");

        var check = result.Items.Single().Checks.Single();
        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.Matches(@"^test accuracy \d+\.\d% \(\d+ of 300 held-out fashion-mnist images\)", check.Outcome.Message);
    }

    [Fact]
    public void Accuracy_TrainingOverItsCpuBudget_TimesOutNamingCpuTime()
    {
        var tight = RubricLoader.Parse(
            RubricYaml.Replace("epochs: 1", "epochs: 50", StringComparison.Ordinal).Replace("timeout_seconds: 60", "timeout_seconds: 1", StringComparison.Ordinal),
            "accuracy.rubric.yaml", CheckRegistry.Names);

        var result = GradingPipeline.Grade(new GradeRequest(Path.Combine(Root, "tests", "Golden", "hw3-fashion-mlp", "PassesAll"), "hw3-fashion-mlp", Root) { Seed = 3, Rubric = tight, AllowUnsandboxed = true });

        var check = result.Items.Single().Checks.Single();
        Assert.Equal(CheckStatus.Timeout, check.Status);
        // Whichever runs out first, the whole training's budget or the last call's share of it, names CPU time.
        Assert.Matches(@"did not finish within [0-9.]+ s of CPU time or [0-9.]+ s of wall-clock time", check.Outcome.Message);
    }
}
