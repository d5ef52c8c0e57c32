using System.CommandLine;
using Autograder.Grader.Execution;
using Autograder.Grader.Gradescope;
using Autograder.Grader.Pipeline;

namespace Autograder.Cli;

/// <summary>
/// `autograder gradescope &lt;assignment&gt; -o autograder.zip` builds the Gradescope bundle (setup.sh,
/// run_autograder, the published grader, the course files it needs). Inside the Gradescope container,
/// run_autograder calls `autograder gradescope &lt;assignment&gt; --run`, which grades /autograder/submission
/// (or $AUTOGRADER_GRADESCOPE_ROOT/submission) into results/results.json.
/// </summary>
internal static class GradescopeCommand
{
    public static Command Create()
    {
        var assignment = new Argument<string>("assignment") { Description = "Assignment id, e.g. hw3-fashion-mlp." };
        var output = new Option<string?>("--out", "-o") { Description = "The bundle to write (default: autograder.zip)." };
        var binaries = new Option<string?>("--binaries") { Description = "Use this folder's autograder.dll and autograder-worker.dll instead of a fresh dotnet publish." };
        var run = new Option<bool>("--run") { Description = "Grade the Gradescope submission instead of building the bundle (what run_autograder does)." };
        var root = new Option<string?>("--root") { Description = "With --run: the /autograder folder (default: $AUTOGRADER_GRADESCOPE_ROOT or /autograder)." };
        var courseRoot = new Option<string?>("--course-root") { Description = "The course repository or the bundle's course/ folder." };
        var noSandbox = NoSandboxOption.Create();
        var command = new Command("gradescope", "Build a Gradescope autograder bundle, or (--run) grade one submission inside it.")
        {
            assignment, output, binaries, run, root, courseRoot, noSandbox,
        };
        command.SetAction(parse =>
        {
            var id = parse.GetValue(assignment)!;
            var course = parse.GetValue(courseRoot) ?? CourseRootFinder.TryFind(Environment.CurrentDirectory) ?? CourseRootFinder.TryFind(AppContext.BaseDirectory);
            if (parse.GetValue(run))
            {
                var top = GradescopeRunner.ResolveRoot(parse.GetValue(root));
                if (NoSandboxOption.Refusal(parse.GetValue(noSandbox), "gradescope") is { } refusal)
                {
                    Console.Error.WriteLine(refusal);
                }

                var template = new GradeRequest("", id, Path.GetFullPath(course ?? Path.Combine(top, "source", "course"))) { AllowUnsandboxed = parse.GetValue(noSandbox) };
                var result = GradescopeRunner.Run(top, template);
                Console.WriteLine($"gradescope: {result.Score:0.##} / {result.MaxScore:0.##} -> {GradescopeRunner.ResultsPath(top)}");
                return result.GraderError is null ? 0 : 1;
            }

            try
            {
                var path = parse.GetValue(output) ?? "autograder.zip";
                // The bundle is proved once, where it is built; each container then grades with the proved rubric.
                if (course is not null && RubricGate.Refusal(new GradeRequest("", id, Path.GetFullPath(course)), "gradescope") is { } proofFailed)
                {
                    return proofFailed;
                }

                GradescopeBundle.Build(new BundleOptions(course ?? throw new DirectoryNotFoundException("the course root was not found; pass --course-root"), id, path)
                {
                    Binaries = parse.GetValue(binaries) is { } b ? Path.GetFullPath(b) : null,
                    AllowUnsandboxed = parse.GetValue(noSandbox),
                    Log = Console.WriteLine,
                });
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or Autograder.Grader.Assignments.AssignmentProfileException)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        });
        return command;
    }
}
