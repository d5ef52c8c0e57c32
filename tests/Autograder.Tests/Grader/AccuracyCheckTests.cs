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
        GradingPipeline.Grade(new GradeRequest(Autograder.Tests.Grader.Golden.Goldens.Case("hw3-fashion-mlp", golden), "hw3-fashion-mlp", Root) { Seed = 3, Rubric = Rubric, AllowUnsandboxed = true });

    [Theory]
    [InlineData("fashion-mnist", 2500)]
    [InlineData("mnist", 7400)]
    public void LetRows_CourseImages_GoAsPixelBytes_AndDecodeToTheHostsRowsBitForBit(string dataset, int count)
    {
        var data = Autograder.Grader.Checks.CourseData.Load(Root, dataset).Train.Take(count);
        var requests = Autograder.Grader.Checks.Kinds.AccuracyCheck.LetRows(data, "train_x", "key").ToList();
        Assert.Equal((count + 999) / 1000, requests.Count);

        var decoded = new double[count * data.Features];
        var row = 0;
        foreach (var request in requests)
        {
            // Pixels: a byte a value, not eight (1,000 MNIST rows: 784 KB against 6.3 MB of float64).
            var chunk = Assert.IsType<Autograder.Worker.Protocol.PixelsValue>(request.Args![0]);
            Assert.Equal([row, count], Assert.IsType<Autograder.Worker.Protocol.IntsValue>(request.Args[1]).Values);
            chunk.Decode(decoded.AsSpan(row * data.Features, chunk.Pixels.Length));
            row += chunk.Shape[0];
        }

        Assert.Equal(count, row);
        Assert.True(
            data.X.ToArray().Select(BitConverter.DoubleToInt64Bits).SequenceEqual(decoded.Select(BitConverter.DoubleToInt64Bits)),
            "the decoded rows differ from the host's X");
    }

    [Fact]
    public void LetRows_ValuesThatAreNotAllPixels_GoAsFloat64_AndPixelValuesAsBytes()
    {
        // Rows given as doubles: all byte / 255 still travel as bytes; one value that is not (0.5) sends float64 as they are.
        double[] pixels = [0, 1 / 255.0, 128 / 255.0, 1, 7 / 255.0, 0];
        var asPixels = new NeuralNet.Data.Dataset(NeuralNet.Tensor.Wrap(pixels, [2, 3]), [0, 1]);
        var chunk = Assert.IsType<Autograder.Worker.Protocol.PixelsValue>(Assert.Single(Autograder.Grader.Checks.Kinds.AccuracyCheck.LetRows(asPixels, "x", "k")).Args![0]);
        Assert.Equal(new byte[] { 0, 1, 128, 255, 7, 0 }, chunk.Pixels);

        double[] notPixels = [0, 0.5, 128 / 255.0, 1, 7 / 255.0, 0];
        var asDoubles = new NeuralNet.Data.Dataset(NeuralNet.Tensor.Wrap(notPixels, [2, 3]), [0, 1]);
        var tensor = Assert.IsType<Autograder.Worker.Protocol.TensorValue>(Assert.Single(Autograder.Grader.Checks.Kinds.AccuracyCheck.LetRows(asDoubles, "x", "k")).Args![0]);
        Assert.Equal(notPixels, tensor.Values());
    }

    /// <summary>Grades a copy of the reference whose SGD update runs <paramref name="prefix"/> first (and whose Sgd.cs ends with <paramref name="extra"/>).</summary>
    private static GradeResult GradeWithSgdPrefix(Rubric rubric, string prefix, string extra = "")
    {
        var submission = Autograder.Tests.Batch.BatchClass.CopyOf(Autograder.Tests.Grader.Golden.Goldens.Case("hw3-fashion-mlp", "PassesAll"));
        var sgd = Path.Combine(submission, "Optimizers", "Sgd.cs");
        var patched = File.ReadAllText(sgd).Replace("foreach (var p in parameters)", prefix + "\n        foreach (var p in parameters)", StringComparison.Ordinal);
        Assert.NotEqual(File.ReadAllText(sgd), patched);
        File.WriteAllText(sgd, patched + (extra.Length > 0 ? "\n" + extra + "\n" : ""));
        return GradingPipeline.Grade(new GradeRequest(submission, "hw3-fashion-mlp", Root) { Seed = 3, Rubric = rubric, AllowUnsandboxed = true });
    }

    [Fact]
    public void Accuracy_ReferenceLayers_LearnAboveTheThreshold()
    {
        var result = Grade("PassesAll");

        Assert.True(result.Score == 3, string.Join("; ", result.Items.SelectMany(i => i.Checks).Select(c => c.Outcome.Message)));
    }

    [Fact]
    public void Accuracy_AgainstTheReference_SameScheduleGivesTheReferencesAccuracy()
    {
        // Margin 0: the reference layers trained on the reference's schedule (same weights from the case seed, same
        // batches) must reach exactly the reference's accuracy, or the comparison is not like for like.
        var exact = RubricLoader.Parse(RubricYaml.Replace("min_accuracy: 0.6", "min_accuracy: 0.6\n        max_below_reference: 0.0", StringComparison.Ordinal), "accuracy.rubric.yaml", CheckRegistry.Names);
        var result = GradingPipeline.Grade(new GradeRequest(Autograder.Tests.Grader.Golden.Goldens.Case("hw3-fashion-mlp", "PassesAll"), "hw3-fashion-mlp", Root) { Seed = 3, Rubric = exact, AllowUnsandboxed = true });

        Assert.True(result.Score == 3, string.Join("; ", result.Items.SelectMany(i => i.Checks).Select(c => c.Outcome.Message)));
    }

    [Fact]
    public void Accuracy_BelowTheReferenceByMoreThanTheMargin_FailsNamingBoth()
    {
        // A margin no run can meet (0.5 above the reference) fails even the reference layers, naming both accuracies.
        var unreachable = RubricLoader.Parse(RubricYaml.Replace("min_accuracy: 0.6", "min_accuracy: 0.6\n        max_below_reference: -0.5", StringComparison.Ordinal), "accuracy.rubric.yaml", CheckRegistry.Names);
        var result = GradingPipeline.Grade(new GradeRequest(Autograder.Tests.Grader.Golden.Goldens.Case("hw3-fashion-mlp", "PassesAll"), "hw3-fashion-mlp", Root) { Seed = 3, Rubric = unreachable, AllowUnsandboxed = true });

        var check = result.Items.Single().Checks.Single();
        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.Matches(@"^test accuracy (\d+\.\d)% .*; the reference reaches \1% with the same initial weights and batches, and at most -50 points less pass$", check.Outcome.Message);
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

        var result = GradingPipeline.Grade(new GradeRequest(Autograder.Tests.Grader.Golden.Goldens.Case("hw3-fashion-mlp", "PassesAll"), "hw3-fashion-mlp", Root) { Seed = 3, Rubric = tight, AllowUnsandboxed = true });

        var check = result.Items.Single().Checks.Single();
        Assert.Equal(CheckStatus.Timeout, check.Status);
        // One true message whichever limit fired and whichever call was running (never "within 0.1 s", the
        // remaining slice of the budget): the whole budget, the run it grades and where it stopped, the hint.
        Assert.Matches(@"^training did not finish within 1 s of CPU time \(4 s of wall-clock time\): 50 epoch\(s\) of 1000 examples in batches of 20; it stopped in epoch \d+, step \d+ of 50$", check.Outcome.Message);
    }

    [Fact]
    public void Accuracy_OneStepHangs_TimesOutAtTheStepLimitNamingTheStep()
    {
        var hanging = RubricLoader.Parse(
            RubricYaml.Replace("timeout_seconds: 60", "timeout_seconds: 60\n        step_timeout_seconds: 1\n        timeout_hint: \"use MatMul\"", StringComparison.Ordinal),
            "accuracy.rubric.yaml", CheckRegistry.Names);
        var result = GradeWithSgdPrefix(hanging, "var spin = 0L; while (spin >= 0) { spin = (spin + 1) % 7; }");

        var check = result.Items.Single().Checks.Single();
        Assert.Equal(CheckStatus.Timeout, check.Status);
        Assert.Equal("one training step (epoch 1, step 1 of 50) did not finish within 1 s of CPU time; a step of a correct solution takes well under a second, so this is an infinite loop or a wait", check.Outcome.Message);
    }

    [Theory]
    [InlineData("tests/Golden/hw3-fashion-mlp/PassesAll")]
    // Written without the reference: plain loops for Linear, ReLU and SGD.
    [InlineData("tests/Overlays/hw3-fashion-mlp/PassesLoops")]
    public void Accuracy_StepsGroupedPerRequest_TrainExactlyAsOneStepPerRequest(string caseFolder)
    {
        // min_accuracy 1 fails every run, so the message carries the exact count of right answers: grouping the
        // training steps into requests must not change a single prediction.
        var exact = RubricLoader.Parse(
            RubricYaml.Replace("epochs: 1", "epochs: 3", StringComparison.Ordinal).Replace("min_accuracy: 0.6", "min_accuracy: 1.0", StringComparison.Ordinal),
            "accuracy.rubric.yaml", CheckRegistry.Names);
        string Run(int maxSteps, out int largest)
        {
            // Any request counts as quick here, so the steps are grouped whatever this machine's speed (the plain-loop
            // layers take over 10 ms a step, which alone would keep them one per request).
            var probe = new Autograder.Grader.Checks.Kinds.AccuracyCheck.StepBatching.Probe(maxSteps, quick: TimeSpan.FromMinutes(1));
            Autograder.Grader.Checks.Kinds.AccuracyCheck.StepBatching.Test.Value = probe;
            try
            {
                var submission = Autograder.Tests.Grader.Golden.Goldens.Of("hw3-fashion-mlp", Path.Combine(Root, caseFolder));
                var result = GradingPipeline.Grade(new GradeRequest(submission, "hw3-fashion-mlp", Root) { Seed = 3, Rubric = exact, AllowUnsandboxed = true });
                largest = probe.Largest;
                return result.Items.Single().Checks.Single().Outcome.Message;
            }
            finally
            {
                Autograder.Grader.Checks.Kinds.AccuracyCheck.StepBatching.Test.Value = null;
            }
        }

        var one = Run(1, out var largestOne);
        var grouped = Run(Autograder.Grader.Checks.Kinds.AccuracyCheck.StepBatching.MaxSteps, out var largestGrouped);

        Assert.StartsWith("test accuracy ", one, StringComparison.Ordinal);
        Assert.Equal(1, largestOne);
        // Groups never cross an epoch: the third epoch's 50 steps went in one request.
        Assert.Equal(50, largestGrouped);
        Assert.Equal(one, grouped);
    }

    [Fact]
    public void Accuracy_StepHangingInsideAGroup_TimesOutAtTheStepLimitNamingTheGroupsSteps()
    {
        var hanging = RubricLoader.Parse(
            RubricYaml.Replace("timeout_seconds: 60", "timeout_seconds: 60\n        step_timeout_seconds: 1", StringComparison.Ordinal),
            "accuracy.rubric.yaml", CheckRegistry.Names);
        // Quick steps until the 12th update, which never ends: by then the steps go to the worker in groups.
        var result = GradeWithSgdPrefix(hanging, "if (++HangAt12.Calls == 12) { var spin = 0L; while (spin >= 0) { spin = (spin + 1) % 7; } }",
            "internal static class HangAt12 { public static int Calls; }");

        var check = result.Items.Single().Checks.Single();
        Assert.Equal(CheckStatus.Timeout, check.Status);
        var match = System.Text.RegularExpressions.Regex.Match(check.Outcome.Message,
            @"^one training step \(epoch 1, (?:step (?<one>\d+)|one of steps (?<from>\d+)-(?<to>\d+)) of 50\) did not finish within 1 s of CPU time; ");
        Assert.True(match.Success, check.Outcome.Message);
        var (from, to) = match.Groups["one"].Success
            ? (int.Parse(match.Groups["one"].Value), int.Parse(match.Groups["one"].Value))
            : (int.Parse(match.Groups["from"].Value), int.Parse(match.Groups["to"].Value));
        Assert.InRange(12, from, to);
    }

    [Fact]
    public void StepBatching_GrowsWhileQuick_ShrinksWhenSlow_WithinItsCap()
    {
        var batching = new Autograder.Grader.Checks.Kinds.AccuracyCheck.StepBatching();
        Assert.Equal(1, batching.StepsPerCall);
        var seen = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            batching.Observe(TimeSpan.FromMilliseconds(1), batching.StepsPerCall);
            seen.Add(batching.StepsPerCall);
        }

        Assert.Equal([2, 4, 8, 16, 32, 64, 64, 64], seen);
        batching.Observe(TimeSpan.FromMilliseconds(20), batching.StepsPerCall);
        Assert.Equal(64, batching.StepsPerCall);
        batching.Observe(TimeSpan.FromMilliseconds(100), batching.StepsPerCall);
        Assert.Equal(32, batching.StepsPerCall);
        for (var i = 0; i < 10; i++)
        {
            batching.Observe(TimeSpan.FromSeconds(5), batching.StepsPerCall);
        }

        Assert.Equal(1, batching.StepsPerCall);
    }
}
