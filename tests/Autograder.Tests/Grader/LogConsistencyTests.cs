using System.Text.Json;
using System.Text.Json.Nodes;
using Autograder.Grader.Checks;
using Autograder.Grader.Execution;

namespace Autograder.Tests.Grader;

/// <summary>
/// Issue 14, logs tied to the code: a log whose numbers contradict each other or the run it claims is refused with
/// the contradiction named, and every real log the course ships (reference runs) passes.
/// </summary>
public sealed class LogConsistencyTests
{
    private static readonly string Root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;

    private static JsonObject Real() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "tests", "Golden", "hw3-fashion-mlp", "PassesAll", "MLP_lr0.01_b5.json")))!.AsObject();

    private static void Check(JsonObject log, int? examples = 10000)
    {
        using var document = JsonDocument.Parse(log.ToJsonString());
        LogConsistency.Check("MLP_lr0.01_b5.json", document.RootElement, examples);
    }

    [Fact]
    public void Check_EveryShippedReferenceLog_HoldsTogether()
    {
        var logs = Directory.EnumerateFiles(Path.Combine(Root, "tests", "Golden"), "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "expected.json" && File.ReadAllText(f).Contains("\"epoch_seconds\"", StringComparison.Ordinal))
            .Where(f => f.Contains("PassesAll", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(logs);
        foreach (var file in logs)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var examples = file.Contains("hw6", StringComparison.Ordinal) ? 8000 : 10000;
            LogConsistency.Check(Path.GetFileName(file), document.RootElement, examples);
        }
    }

    [Fact]
    public void Check_HandWrittenLog_OneUpdateFailsNamingTheBatches()
    {
        var log = Real();
        log["train"] = new JsonArray(1.0);
        log["val"] = new JsonArray(1.0);
        log["train_loss"] = new JsonArray(0.0);
        log["val_loss"] = new JsonArray(0.0);
        log["learning_rate"] = new JsonArray(0.01);
        log["epoch_seconds"] = new JsonArray(0.0);
        log["updates"] = 1;
        log["best_epoch"] = 1;
        log["early_stopped"] = true;

        var failure = Assert.Throws<CheckFailure>(() => Check(log));

        Assert.Equal("MLP_lr0.01_b5.json: 1 updates per epoch, but 10000 training examples in batches of 5 make 2000 (the last short batch dropped)", failure.Message);
    }

    [Fact]
    public void Check_ZeroSecondEpochs_FailsNamingTheTime()
    {
        var log = Real();
        log["epoch_seconds"] = new JsonArray([.. Enumerable.Range(0, 10).Select(_ => (JsonNode?)JsonValue.Create(0.0))]);

        var failure = Assert.Throws<CheckFailure>(() => Check(log));

        Assert.Equal("MLP_lr0.01_b5.json: epoch_seconds holds 0: an epoch of 2000 updates takes time", failure.Message);
    }

    [Fact]
    public void Check_EpochTimesTooShortForTheWork_FailsNamingTheFloor()
    {
        var log = Real();
        log["epoch_seconds"] = new JsonArray([.. Enumerable.Range(0, 10).Select(_ => (JsonNode?)JsonValue.Create(0.001))]);

        var failure = Assert.Throws<CheckFailure>(() => Check(log));

        Assert.StartsWith("MLP_lr0.01_b5.json: epoch_seconds add up to 0.01 s, but 20000 updates of 5 examples through 101770 parameters need at least 0.6106 s", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PerfectAccuracyWithHighLoss_IsFineButLowLossWithErrorsIsImpossible()
    {
        var log = Real();
        log["test"] = 0.5;
        log["test_loss"] = 0.1;

        var failure = Assert.Throws<CheckFailure>(() => Check(log));

        Assert.Equal("MLP_lr0.01_b5.json: test_loss = 0.1 is impossible with test = 0.5: every misclassified example adds at least ln 2 / N to a cross-entropy, so the loss is at least 0.3466", failure.Message);
    }

    [Fact]
    public void Check_FewerEpochsWithoutEarlyStopping_IsACutShortRun()
    {
        var log = Real();
        foreach (var name in new[] { "train", "val", "train_loss", "val_loss", "learning_rate", "epoch_seconds" })
        {
            var list = log[name]!.AsArray();
            while (list.Count > 4)
            {
                list.RemoveAt(list.Count - 1);
            }
        }

        log["updates"] = 8000;
        log["best_epoch"] = 4;

        var failure = Assert.Throws<CheckFailure>(() => Check(log));

        Assert.Equal("MLP_lr0.01_b5.json: 4 of 10 epochs logged and early_stopped is false: the run was cut short (a full run logs every epoch)", failure.Message);
    }

    [Fact]
    public void Check_ListsOfDifferentLengths_NameTheList()
    {
        var log = Real();
        log["val_loss"]!.AsArray().RemoveAt(0);

        var failure = Assert.Throws<CheckFailure>(() => Check(log));

        Assert.Equal("MLP_lr0.01_b5.json: val_loss has 9 entries but train has 10: every per-epoch list has one entry per epoch run", failure.Message);
    }
}
