using System.Collections.Concurrent;
using Autograder.Grader.Examples;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;

namespace Autograder.Tests.Grader.Golden;

/// <summary>
/// The stored example submissions as full submissions: each case folder (tests/Golden, tests/Adversarial, tests/Overlays)
/// is an overlay over the reference, materialised once per test process by <see cref="ExampleSubmission"/> into a
/// temporary folder named like the case (deleted when the test process exits). Tests that only read a case use these folders; a test that changes one copies it.
/// </summary>
internal static class Goldens
{
    public static readonly string Root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;

    private static readonly string Scratch = MakeScratch();
    private static readonly ConcurrentDictionary<string, Lazy<string>> Made = new(StringComparer.Ordinal);

    /// <summary>tests/Golden/&lt;assignment&gt;/&lt;name&gt; as a full submission.</summary>
    public static string Case(string assignment, string name) => Of(assignment, Path.Combine(Root, "tests", "Golden", assignment, name));

    /// <summary>Any case folder of <paramref name="assignment"/> as a full submission.</summary>
    public static string Of(string assignment, string caseFolder) =>
        Made.GetOrAdd(Path.GetFullPath(caseFolder), folder => new Lazy<string>(() =>
        {
            var kind = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(folder)))!;
            var target = Path.Combine(Scratch, kind, assignment, Path.GetFileName(folder));
            return ExampleSubmission.Materialise(Root, GradingPipeline.LoadAssignment(Root, assignment), folder, target);
        })).Value;

    /// <summary>The temporary folder of the materialised cases, deleted when the test process exits.</summary>
    private static string MakeScratch()
    {
        var scratch = Directory.CreateTempSubdirectory("goldens-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (IOException)
            {
                // A worker still closing may hold a file; the OS cleans the temp folder.
            }
        };
        return scratch;
    }
}
