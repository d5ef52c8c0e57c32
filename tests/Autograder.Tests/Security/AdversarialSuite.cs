using System.Diagnostics;
using System.Security.Cryptography;
using Autograder.Grader.Batch;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Rubrics;

namespace Autograder.Tests.Security;

/// <summary>
/// Grades every adversarial submission under <c>tests/Adversarial/&lt;assignment&gt;/</c> once per test run,
/// together with the PassesAll control, through the batch machinery (<see cref="BatchRunner"/>, which
/// calls <see cref="GradingPipeline.Grade"/> per submission, two at a time) with the rubric's call
/// timeout cut to 3 s of CPU and one seed for all. Before and after, it snapshots what lies outside the grading work folder:
/// a sentinel folder the attacks aim at, the course's rubrics, the batch folder's own top level, and
/// the processes that carry the work folder's path or an attack's marker.
/// </summary>
public sealed class AdversarialSuite : IDisposable
{
    public const string Assignment = "hw3-fashion-mlp";

    public const string Control = "PassesAll";

    /// <summary>The folder the attacks try to write into (and the test checks is unchanged).</summary>
    public const string Sentinel = "/tmp/autograder-adversarial-sentinel";

    /// <summary>Files an attack would create outside the work folder if it got out.</summary>
    public static readonly string[] Forbidden = ["/tmp/adversarial-pinvoke-was-here", "/tmp/results.json"];

    public static readonly string Root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;

    /// <summary>One seed for every submission, so an item an attack leaves alone gets exactly the control's inputs.</summary>
    public const ulong Seed = 8455169626570045921;

    private readonly string _scratch;

    public AdversarialSuite()
    {
        _scratch = Directory.CreateTempSubdirectory("adversarial-").FullName;
        Submissions = Directory.CreateDirectory(Path.Combine(_scratch, "submissions")).FullName;
        Output = Path.Combine(_scratch, "out");
        WorkRoot = Directory.CreateDirectory(Path.Combine(_scratch, "work")).FullName;

        // The stored cases are overlays over the reference (ExampleSubmission): each is materialised as the full submission.
        var profile = GradingPipeline.LoadAssignment(Root, Assignment);
        var passesAll = Autograder.Tests.Grader.Golden.Goldens.Case(Assignment, Control);
        GeneratedSubmissions.Copy(passesAll, Path.Combine(Submissions, Control));
        foreach (var folder in Folders())
        {
            var name = Path.GetFileName(folder);
            var expected = AdversarialExpectation.Load(Path.Combine(folder, "expected.json"));
            Expectations[name] = expected;
            if (expected.Generated is { } kind)
            {
                GeneratedSubmissions.Write(kind, passesAll, Path.Combine(Root, "reference", "NeuralNet"), Submissions, name);
            }
            else
            {
                Autograder.Grader.Examples.ExampleSubmission.Materialise(Root, profile, folder, Path.Combine(Submissions, name));
            }
        }

        Directory.CreateDirectory(Sentinel);
        File.WriteAllText(Path.Combine(Sentinel, "keep.txt"), "the adversarial suite checks this folder is unchanged\n");
        var before = HostSnapshot.Take(this);
        var forbiddenBefore = Forbidden.Where(File.Exists).ToHashSet(StringComparer.Ordinal);

        var rubric = RubricLoader.Load(Path.Combine(Root, "rubrics", $"{Assignment}.rubric.yaml"));
        rubric = rubric with { Limits = rubric.Limits with { CallTimeoutSeconds = 3 } };
        var clock = Stopwatch.StartNew();
        Run = BatchRunner.Run(new BatchOptions(Submissions, Output, new GradeRequest("", Assignment, Root) { Rubric = rubric, WorkRoot = WorkRoot, Seed = Seed, AllowUnsandboxed = true }) { Jobs = 2 });
        Elapsed = clock.Elapsed;

        HostChanges = HostSnapshot.Take(this).Differences(before)
            .Concat(Forbidden.Where(f => File.Exists(f) && !forbiddenBefore.Contains(f)).Select(f => $"{f} was created"))
            .ToList();
        LeftoverProcesses = HostSnapshot.Leftovers(WorkRoot);
    }

    /// <summary>The attack folders (each with an expected.json), ordered by name.</summary>
    public static IEnumerable<string> Folders() =>
        Directory.EnumerateDirectories(Path.Combine(Root, "tests", "Adversarial", Assignment))
            .Where(d => File.Exists(Path.Combine(d, "expected.json")))
            .Order(StringComparer.Ordinal);

    public string Submissions { get; }

    public string Output { get; }

    public string WorkRoot { get; }

    internal Dictionary<string, AdversarialExpectation> Expectations { get; } = new(StringComparer.Ordinal);

    public BatchRun Run { get; }

    public TimeSpan Elapsed { get; }

    public IReadOnlyList<string> HostChanges { get; }

    public IReadOnlyList<string> LeftoverProcesses { get; }

    public StudentRecord Record(string student) => Run.Records.Single(r => r.Student == student);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
    }

    /// <summary>What lies outside the grading work folders: file names, sizes and hashes.</summary>
    private sealed record HostSnapshot(IReadOnlyDictionary<string, string> Files)
    {
        public static HostSnapshot Take(AdversarialSuite suite)
        {
            var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(Sentinel, "*", SearchOption.AllDirectories)
                .Concat(Directory.EnumerateFiles(Path.Combine(Root, "rubrics"), "*", SearchOption.AllDirectories)))
            {
                files[file] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
            }

            // The batch folder's top level (an attack writing "../.." from its scratch folder lands here) and the work root.
            foreach (var entry in Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(suite.WorkRoot)!).Append(suite.WorkRoot))
            {
                files[entry] = Directory.Exists(entry) ? $"folder of {Directory.EnumerateFileSystemEntries(entry).Count()} entries" : "file";
            }

            files.Remove(suite.Output);
            return new HostSnapshot(files);
        }

        public IEnumerable<string> Differences(HostSnapshot before)
        {
            foreach (var (path, hash) in Files)
            {
                if (!before.Files.TryGetValue(path, out var old))
                {
                    yield return $"{path} appeared";
                }
                else if (old != hash)
                {
                    yield return $"{path} changed ({old} -> {hash})";
                }
            }

            foreach (var path in before.Files.Keys.Where(p => !Files.ContainsKey(p)))
            {
                yield return $"{path} disappeared";
            }
        }

        /// <summary>Processes still running whose command line names the work folder or an attack's marker (after a grace period for exits in flight).</summary>
        public static IReadOnlyList<string> Leftovers(string workRoot)
        {
            List<string> found = [];
            for (var attempt = 0; attempt < 10; attempt++)
            {
                found = Directory.EnumerateDirectories("/proc")
                    .Where(d => int.TryParse(Path.GetFileName(d), out _))
                    .Select(d => (Pid: Path.GetFileName(d), CommandLine: CommandLine(d)))
                    .Where(p => p.CommandLine.Contains(workRoot, StringComparison.Ordinal) || p.CommandLine.Contains("adversarial-marker", StringComparison.Ordinal))
                    .Select(p => $"{p.Pid}: {p.CommandLine}")
                    .ToList();
                if (found.Count == 0)
                {
                    break;
                }

                Thread.Sleep(500);
            }

            return found;
        }

        private static string CommandLine(string procDir)
        {
            try
            {
                return File.ReadAllText(Path.Combine(procDir, "cmdline")).Replace('\0', ' ');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return "";
            }
        }
    }
}
