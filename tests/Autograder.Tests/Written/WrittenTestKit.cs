extern alias worker;

using Autograder.Grader.Written.Bank;
using Autograder.Grader.Written.Wire;

namespace Autograder.Tests.Written;

/// <summary>Shared fixtures: the repository's bank, golden folders and an in-process evaluator that goes through the worker's JSON entry point.</summary>
internal static class WrittenTestKit
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Autograder.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Autograder.sln not found above the test binaries");
    });

    private static readonly Lazy<QuestionBank> LazyBank = new(() => QuestionBank.LoadFromCourseRoot(Root.Value));

    public static string CourseRoot => Root.Value;

    public static QuestionBank Bank => LazyBank.Value;

    public static string GoldenDir => Path.Combine(CourseRoot, "tests", "Golden", "written");
}

/// <summary>Runs the worker's written evaluator in-process, through its JSON entry point, and records what it was sent.</summary>
internal sealed class InProcessEvaluator : IWrittenEvaluator
{
    public List<WrittenItem> Sent { get; } = [];

    public WrittenResponse Evaluate(WrittenRequest request)
    {
        Sent.AddRange(request.Items);
        var json = worker::Autograder.Worker.Written.WrittenEvaluator.Handle(WrittenWire.Serialize(request));
        return WrittenWire.DeserializeResponse(json);
    }
}
