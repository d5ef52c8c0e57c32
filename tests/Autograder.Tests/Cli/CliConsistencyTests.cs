using System.CommandLine;
using Autograder.Cli;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;

namespace Autograder.Tests.Cli;

/// <summary>One CLI: one option name per meaning, help texts in one style, a usage error for a bare call, no result destroyed.</summary>
public sealed class CliConsistencyTests
{
    private static readonly string Root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;

    private static int RunCli(params string[] args) => (int)typeof(GradeCommand).Assembly.EntryPoint!.Invoke(null, [args])!;

    private static IEnumerable<Command> Commands()
    {
        var root = new RootCommand();
        return typeof(GradeCommand).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Command", StringComparison.Ordinal) && t.GetMethod("Create", []) is not null)
            .Select(t => (Command)t.GetMethod("Create", [])!.Invoke(null, null)!);
    }

    [Fact]
    public void BareAutograder_PrintsTheCommandsAndExitsTwo()
    {
        var error = new StringWriter();
        var before = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(2, RunCli());
        }
        finally
        {
            Console.SetError(before);
        }

        Assert.Contains("no command given", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("  grade ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("  batch ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryCommand_UsesOneNamePerMeaning_AndOneHelpStyle()
    {
        var commands = Commands().ToList();
        Assert.True(commands.Count >= 12, $"found {commands.Count} commands");
        foreach (var command in commands)
        {
            foreach (var option in command.Options)
            {
                Assert.False(option.Name is "--repo" or "--output", $"{command.Name} {option.Name}: use --course-root / --out");
                if (option.Name == "--out")
                {
                    Assert.Contains("-o", option.Aliases);
                }

                var text = option.Description ?? "";
                Assert.True(text.Length > 0 && char.IsUpper(text[0]) && text.EndsWith('.'), $"{command.Name} {option.Name}: help '{text}' should be a sentence");
            }
        }
    }

    [Fact]
    public void UnknownAssignment_ListsTheValidIds()
    {
        var result = GradingPipeline.Grade(new GradeRequest(Autograder.Tests.Grader.Golden.Goldens.Case("hw5-neuralnet-cli", "PassesAll"), "hw5-typo", Root) { AllowUnsandboxed = true });

        Assert.Contains("unknown assignment 'hw5-typo'; the assignments of", result.GraderError, StringComparison.Ordinal);
        Assert.Contains("hw3-fashion-mlp, hw5-neuralnet-cli, hw6-dnn-cnn, written", result.GraderError, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_NeverReplacesARealResult_WithAGraderErrorOrAByDefaultRerun()
    {
        var folder = Directory.CreateTempSubdirectory("grade-results-").FullName;
        var submission = Path.Combine(folder, "alice");
        Directory.CreateDirectory(submission);
        var good = Path.Combine(folder, "alice.result.json");
        var real = GradingPipeline.Failure(new GradeRequest(submission, "x", Root), "placeholder", 0) with { GraderError = null, Score = 7, MaxScore = 10 };
        File.WriteAllText(good, Autograder.Grader.Reports.JsonReport.Write(real));
        var error = GradingPipeline.Failure(new GradeRequest(submission, "x", Root), "boom", 0);

        var explicitError = GradeCommand.ResultTarget(good, submission, error);
        var defaultRerun = GradeCommand.ResultTarget(null, submission, real);
        var explicitReal = GradeCommand.ResultTarget(good, submission, real);

        Assert.Equal(Path.Combine(folder, "alice.result-2.json"), explicitError);
        Assert.Equal(Path.Combine(folder, "alice.result-2.json"), defaultRerun);
        Assert.Equal(good, explicitReal);
    }
}
