using System.Collections.Concurrent;
using Autograder.Grader.Examples;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;

namespace Autograder.Tests.Grader.Golden;

/// <summary>
/// The stored example submissions as full submissions: each case folder (tests/Golden, tests/Adversarial, tests/Overlays)
/// is an overlay over the reference, materialised once per test process by <see cref="ExampleSubmission"/> into a
/// temporary folder named like the case (deleted by the next test process if not on exit). Tests that only read a case use these folders; a test that changes one copies it.
/// </summary>
internal static class Goldens
{
    /// <summary>The name of each test process's folder starts with this, then the process id.</summary>
    private const string Prefix = "autograder-goldens-";

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

    /// <summary>
    /// The temporary folder of the materialised cases, named with the test process's id. The test host is often ended
    /// without running exit handlers, so each process also deletes the folders of earlier test processes that are gone.
    /// </summary>
    private static string MakeScratch()
    {
        foreach (var stale in Directory.EnumerateDirectories(Path.GetTempPath(), $"{Prefix}*"))
        {
            var id = Path.GetFileName(stale)[Prefix.Length..].Split('-')[0];
            if (int.TryParse(id, out var pid) && !Running(pid))
            {
                Delete(stale);
            }
        }

        var scratch = Directory.CreateTempSubdirectory($"{Prefix}{Environment.ProcessId}-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(scratch);
        return scratch;
    }

    private static bool Running(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A worker still closing may hold a file; the OS cleans the temp folder.
        }
    }
}
