using Autograder.Cli;
using Autograder.Grader.Checks;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;
using NeuralNet.Experiments;

namespace Autograder.Tests.Grader;

/// <summary>
/// The plot check on HW3's full-marks example: a plot passes only when the kit's plot command drew it from the logs
/// submitted beside it, with the curves (and marker) the handout asks for. Each test changes one thing in a copy of
/// the example the way a student could, and grades it with a rubric of the HW3 plot items' checks.
/// </summary>
public sealed class PlotCheckTests : IDisposable
{
    private static readonly string Root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;

    private const string RubricYaml = """
        assignment: hw3-fashion-mlp
        title: plots only
        logs: [MLP_lr0.01_b5.json, MLP_lr0.01_b50.json, MLP_lr0.01_b500.json, MLP_lr0.01_b5000.json, MLP_lr0.01_b5_30epochs.json, early_stopping.png, batch_size_time.png]
        items:
          - id: early
            title: early stopping plot
            points: 2
            checks:
              - kind: plot
                file: early_stopping.png
                plot: {logs: [MLP_lr0.01_b5_30epochs.json], x: epoch, metric: accuracy, series: [train, validation, test], marker: true}
          - id: sizes
            title: time against batch size
            points: 2
            checks:
              - kind: plot
                file: batch_size_time.png
                plot: {logs: [MLP_lr0.01_b5.json, MLP_lr0.01_b50.json, MLP_lr0.01_b500.json, MLP_lr0.01_b5000.json], x: batch_size, metric: time}
        """;

    private static readonly Rubric Rubric = RubricLoader.Parse(RubricYaml, "plots.rubric.yaml", CheckRegistry.Names);

    private readonly string _submission = Directory.CreateTempSubdirectory("plot-check-").FullName;

    public PlotCheckTests()
    {
        var example = Golden.Goldens.Case("hw3-fashion-mlp", "PassesAll");
        foreach (var file in Directory.EnumerateFiles(example, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_submission, Path.GetRelativePath(example, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(_submission, recursive: true);

    private ItemResult Grade(string item) =>
        GradingPipeline.Grade(new GradeRequest(_submission, "hw3-fashion-mlp", Root) { Seed = 1, Rubric = Rubric, AllowUnsandboxed = true }).Items.Single(i => i.Id == item);

    private string Path_(string name) => Path.Combine(_submission, name);

    [Fact]
    public void Plots_DrawnByThePlotCommandFromTheSubmittedLogs_Pass()
    {
        Assert.Equal(2, Grade("early").Points);
        Assert.Equal(2, Grade("sizes").Points);
    }

    [Fact]
    public void Plot_WithoutTheDescription_FailsSayingHowToDrawIt()
    {
        // The same picture saved by another program: a PNG with no autograder-plot chunk.
        var bytes = File.ReadAllBytes(Path_("early_stopping.png"));
        var at = System.Text.Encoding.Latin1.GetString(bytes).IndexOf("tEXtautograder-plot", StringComparison.Ordinal) - 4;
        var length = (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
        File.WriteAllBytes(Path_("early_stopping.png"), [.. bytes[..at], .. bytes[(at + 12 + length)..]]);

        var check = Grade("early").Checks.Single();

        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.StartsWith("early_stopping.png carries no description of what it draws: draw it with the kit's plot command", check.Outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_FromALogOtherThanTheSubmittedOne_Fails()
    {
        // The student trained again after drawing the plot: the log changed, the plot did not.
        var log = File.ReadAllText(Path_("MLP_lr0.01_b5_30epochs.json"));
        File.WriteAllText(Path_("MLP_lr0.01_b5_30epochs.json"), log.Replace("\"train\": [\n    0.7952,", "\"train\": [\n    0.7962,", StringComparison.Ordinal));
        Assert.NotEqual(log, File.ReadAllText(Path_("MLP_lr0.01_b5_30epochs.json")));

        var check = Grade("early").Checks.Single();

        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.Equal("the train curve of MLP_lr0.01_b5_30epochs in early_stopping.png is not the one in MLP_lr0.01_b5_30epochs.json (30 points, the log has 30); draw the plot again from the log you submit", check.Outcome.Message);
    }

    [Fact]
    public void Plot_WithoutTheValidationCurveAndMarker_Fails()
    {
        PlotCommand.Render([TrainingLogJson.Read(Path_("MLP_lr0.01_b5_30epochs.json"))], Path_("early_stopping.png"), "accuracy", "train", null);

        var check = Grade("early").Checks.Single();

        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.StartsWith("early_stopping.png has no validation curve for MLP_lr0.01_b5_30epochs", check.Outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SweepPlot_OfAccuracyWhereTimeIsAsked_FailsNamingBoth()
    {
        var logs = new[] { "MLP_lr0.01_b5.json", "MLP_lr0.01_b50.json", "MLP_lr0.01_b500.json", "MLP_lr0.01_b5000.json" }.Select(f => TrainingLogJson.Read(Path_(f))).ToList();
        Run.Plotter.RenderSweep(logs, Path_("batch_size_time.png"), "accuracy", null);

        var check = Grade("sizes").Checks.Single();

        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.StartsWith("batch_size_time.png draws accuracy against batch_size; expected time against batch_size", check.Outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotAPng_IsRejectedAtIntake()
    {
        File.WriteAllText(Path_("early_stopping.png"), "not an image");

        var item = Grade("early");

        Assert.Equal(0, item.Points);
        Assert.Contains("not found", item.Checks.Single().Outcome.Message, StringComparison.Ordinal);
    }
}
