using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Autograder.Grader.Assignments;
using Autograder.Grader.Batch;
using Autograder.Grader.Compilation;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;

namespace Autograder.Grader.Pipeline;

/// <summary>
/// A rubric proves itself before it grades anyone: graded against the reference it must give full marks,
/// and against the generated kit zero on every item. A failure names the side, the item, the check and why
/// (a typo'd expected value, a check the reference cannot pass). A proof that passed is remembered under a hash
/// of the rubric, the assignment profile, the library sources and the grader version, so a batch pays it once.
/// </summary>
public static class RubricProof
{
    /// <summary>The fixed seed of the proof's gradings (the proof must not depend on a submission's hash).</summary>
    private const ulong Seed = 20261205;

    /// <summary>The default folder of remembered proofs: the user's temp folder.</summary>
    public static string DefaultCacheFolder => Path.Combine(Path.GetTempPath(), "autograder-rubric-proofs");

    /// <summary>Proves the rubric of <paramref name="template"/> (its assignment, rubric path, library and reference).</summary>
    /// <param name="template">what a grading would use; its submission is ignored</param>
    /// <param name="cacheFolder">where passed proofs are remembered (default <see cref="DefaultCacheFolder"/>); null reads and writes there</param>
    /// <param name="useCache">false proves again even when a passed proof is remembered</param>
    public static RubricProofResult Run(GradeRequest template, string? cacheFolder = null, bool useCache = true)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rubric = template.Rubric ?? BatchRunner.LoadRubric(template);
        var assignment = template.Assignment ?? GradingPipeline.LoadAssignment(template.CourseRoot, template.AssignmentId);
        var libraryRoot = template.LibraryRoot ?? new Autograder.Grader.Release.RepositoryLayout(template.CourseRoot).ReferenceLibrary;
        var library = CourseLibrary.Load(libraryRoot, assignment.Modules);
        var logs = ReferenceLogs(template.CourseRoot, assignment.Id, rubric.Logs);
        var marker = Path.Combine(cacheFolder ?? DefaultCacheFolder, $"{assignment.Id}-{Key(rubric, assignment, library, logs)}.proved");
        if (useCache && File.Exists(marker))
        {
            return new RubricProofResult(assignment.Id, [], true, clock.Elapsed.TotalSeconds, []);
        }

        var problems = new List<string>();
        var notes = new List<string>();
        var work = Directory.CreateTempSubdirectory("autograder-proof-").FullName;
        try
        {
            var reference = Materialise(Path.Combine(work, "reference"), assignment, library, libraryRoot, kit: false, logs);
            var kit = Materialise(Path.Combine(work, "kit"), assignment, library, Path.Combine(template.CourseRoot, "skeleton", assignment.Id), kit: true, new Dictionary<string, string>());
            var request = template with { Rubric = rubric, Assignment = assignment, Seed = Seed, AllowUnsandboxed = true, WorkRoot = work, SubmittedAt = null };
            var full = GradingPipeline.Grade(request with { Submission = reference });
            var zero = GradingPipeline.Grade(request with { Submission = kit });
            foreach (var (side, result) in new[] { ("reference", full), ("kit", zero) })
            {
                if (result.GraderError is { } error)
                {
                    problems.Add($"{side}: the grader failed: {error}");
                }
            }

            var missingLogs = rubric.Logs.Where(l => !logs.ContainsKey(l)).ToHashSet(StringComparer.Ordinal);
            foreach (var item in full.Items.Where(i => i.Points < i.MaxPoints))
            {
                var spec = rubric.Items.First(i => i.Id == item.Id);
                if (spec.Checks.Count > 0 && spec.Checks.All(c => c.File is { } f && missingLogs.Contains(f)))
                {
                    notes.Add($"reference: item '{item.Id}' not proved: no reference copy of {string.Join(", ", spec.Checks.Select(c => c.File))} (the logs of tests/Golden/{assignment.Id}/PassesAll or reference/)");
                    continue;
                }

                problems.Add($"reference: item '{item.Id}' scored {item.Points:0.##} of {item.MaxPoints:0.##} (expected full marks): {FirstProblem(item)}");
            }

            foreach (var item in zero.Items.Where(i => i.Points > 0))
            {
                var passed = item.Checks.FirstOrDefault(c => c.CasesPassed > 0);
                problems.Add($"kit: item '{item.Id}' scored {item.Points:0.##} of {item.MaxPoints:0.##} (expected 0: the kit implements nothing)" +
                    (passed is null ? "" : $": check '{passed.Name}' passed {passed.CasesPassed} of {passed.CasesTotal} cases on the kit's stubs"));
            }
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A worker still closing may hold a file; the temp folder is cleaned by the OS.
            }
        }

        if (problems.Count == 0 && notes.Count == 0)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(marker)!);
            File.WriteAllText(marker, DateTimeOffset.UtcNow.ToString("O"));
        }

        return new RubricProofResult(assignment.Id, problems, false, clock.Elapsed.TotalSeconds, notes);
    }

    private static string FirstProblem(ItemResult item) =>
        item.Checks.FirstOrDefault(c => c.Status != CheckStatus.Passed) is { } check
            ? $"check '{check.Name}': {check.Outcome.Message.ReplaceLineEndings(" ")}"
            : item.Notes.FirstOrDefault() ?? "a deduction applied";

    /// <summary>
    /// The reference's (or the kit's) submission: each assignment file from the parsed library (the kit: its stub), else the
    /// file under <paramref name="fallback"/> (the reference library folder; the kit: skeleton/&lt;id&gt;), plus the reference's
    /// training logs. The example submissions under tests/Golden are overlays and hold no reference code: only logs come from there.
    /// </summary>
    private static string Materialise(string folder, AssignmentProfile assignment, CourseLibrary library, string fallback, bool kit, IReadOnlyDictionary<string, string> logs)
    {
        foreach (var file in assignment.Files)
        {
            var from = Path.Combine(fallback, file);
            var text = library.Sources.ContainsKey(file) ? (kit ? library.Stub(file, assignment.Parts) : library.Sources[file])
                : File.Exists(from) ? File.ReadAllText(from) : null;
            if (text is not null)
            {
                Write(Path.Combine(folder, file), text);
            }
        }

        foreach (var (name, text) in logs)
        {
            if (Intake.SubmissionIntake.IsImage(name))
            {
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(Path.Combine(folder, name), Convert.FromBase64String(text));
            }
            else
            {
                Write(Path.Combine(folder, name), text);
            }
        }

        Directory.CreateDirectory(folder);
        return folder;
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>The reference copy of each training log the rubric grades: tests/Golden/&lt;id&gt;/PassesAll first, then anywhere under reference/.</summary>
    /// <remarks>A plot (<c>.png</c>) comes back as base64 text.</remarks>
    public static IReadOnlyDictionary<string, string> ReferenceLogs(string root, string id, IEnumerable<string> logs)
    {
        var places = new[] { Path.Combine(root, "tests", "Golden", id, "PassesAll"), Path.Combine(root, "reference") }.Where(Directory.Exists).ToList();
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var log in logs)
        {
            var path = places.SelectMany(p => Directory.EnumerateFiles(p, log, SearchOption.AllDirectories)
                .Where(f => !Release.RepositoryLayout.IsBuildOutput(Path.GetRelativePath(p, f).Replace('\\', '/')))).FirstOrDefault();
            if (path is not null)
            {
                // A plot is kept as base64 text, as the intake keeps it.
                found[log] = Intake.SubmissionIntake.IsImage(log) ? Convert.ToBase64String(File.ReadAllBytes(path)) : File.ReadAllText(path);
            }
        }

        return found;
    }

    private static string Key(Rubric rubric, AssignmentProfile assignment, CourseLibrary library, IReadOnlyDictionary<string, string> logs)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\0"));
        Add(GradingPipeline.Version);
        Add(JsonSerializer.Serialize(rubric));
        Add(JsonSerializer.Serialize(assignment));
        Add(Compilation.CompilerReferences.CoreHash);
        foreach (var (path, text) in library.Sources)
        {
            Add(path);
            Add(text);
        }

        foreach (var (name, text) in logs)
        {
            Add(name);
            Add(text);
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..24].ToLowerInvariant();
    }
}
