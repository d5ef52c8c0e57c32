using System.Collections.Concurrent;
using System.Diagnostics;
using Autograder.Grader.Checks;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Reports.Class;
using Autograder.Grader.Rubrics;

namespace Autograder.Grader.Batch;

/// <summary>
/// <c>autograder batch</c>: grades a folder of submissions in parallel, reusing cached results, then
/// rebuilds the gradebook and summary from the per-student files. One broken submission never stops
/// the batch: it gets its row with its status. Only a batch that cannot start (no rubric, no folder)
/// throws.
/// </summary>
public static class BatchRunner
{
    /// <param name="options">what to grade and where to write</param>
    /// <param name="progress">called after each student (from worker threads, one call at a time)</param>
    /// <param name="cancel">stops handing out new students; those in flight finish</param>
    public static BatchRun Run(BatchOptions options, Action<BatchProgress>? progress = null, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var template = options.Template;
        var rubric = template.Rubric ?? LoadRubric(template);
        var keys = new CacheKeys(rubric, CourseHash(template), GradingPipeline.Version, template.Seed);
        var scope = SubmissionScanner.Scan(options.SubmissionsFolder).Where(s => options.Shard.Contains(s.Student)).ToList();
        Directory.CreateDirectory(options.OutputFolder);

        var plans = scope.Select(s => SafePlan(options, keys, s)).ToList();
        // What the folder held before this run, for regrade.md.
        var before = plans.Where(p => !p.Cached).ToDictionary(p => p.Student, p => StudentRecord.Load(options.OutputFolder, p.Student), StringComparer.Ordinal);
        var todo = new ConcurrentQueue<StudentPlan>(plans.Where(p => !p.Cached));
        var cached = plans.Count - todo.Count;
        var grader = new StudentGrader(options, rubric, keys);
        var gate = new Lock();
        var done = cached;
        var gradedNow = 0;
        var failures = plans.Where(p => p.Cached).Count(p => StudentStatus.IsBroken(StudentRecord.Load(options.OutputFolder, p.Student).Status));
        var jobs = Math.Clamp(options.Jobs, 1, Math.Max(1, todo.Count));

        void Work()
        {
            while (!cancel.IsCancellationRequested && todo.TryDequeue(out var plan))
            {
                var record = grader.Grade(plan);
                lock (gate)
                {
                    done++;
                    gradedNow++;
                    failures += StudentStatus.IsBroken(record.Status) ? 1 : 0;
                    var left = plans.Count - done;
                    var perStudent = clock.Elapsed / gradedNow;
                    progress?.Invoke(new BatchProgress(done, plans.Count, cached, failures, clock.Elapsed,
                        left == 0 ? TimeSpan.Zero : perStudent * Math.Ceiling((double)left / jobs), record.Student,
                        record.Result?.Score ?? 0, record.Result?.MaxScore ?? rubric.MaxScore, record.Status));
                }
            }
        }

        var threads = Enumerable.Range(0, jobs).Select(i => new Thread(Work) { IsBackground = true, Name = $"batch-{i}" }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var manifest = BatchManifest.From(rubric, keys.RubricKey, scope.Select(s => s.Student));
        var records = BatchOutput.Write(options.OutputFolder, manifest);
        var changes = RegradeReport.Compare(before, records);
        if (changes.Count > 0)
        {
            AtomicFile.WriteAllText(Path.Combine(options.OutputFolder, RegradeReport.FileName), RegradeReport.Write(manifest, changes, DateTimeOffset.UtcNow));
        }

        return new BatchRun(plans.Count, plans.Count(p => !p.Cached && p.Full), plans.Count(p => !p.Cached && !p.Full), cached,
            records.Count(r => StudentStatus.IsBroken(r.Status)), clock.Elapsed, records);
    }

    /// <summary>The rubric at the request's path (default rubrics/&lt;id&gt;.rubric.yaml), checked against the check registry and the reference library.</summary>
    public static Rubric LoadRubric(GradeRequest template)
    {
        var path = template.RubricPath ?? Path.Combine(template.CourseRoot, "rubrics", $"{template.AssignmentId}.rubric.yaml");
        if (!File.Exists(path))
        {
            throw template.RubricPath is null ? Assignments.KnownAssignments.Unknown(template.CourseRoot, template.AssignmentId) : new FileNotFoundException($"no rubric at {path} (--rubric)");
        }

        return RubricLoader.Parse(File.ReadAllText(path), path, CheckRegistry.Names, GradingPipeline.ReferenceOf(template));
    }

    private static string CourseHash(GradeRequest template)
    {
        var library = template.LibraryRoot ?? new Autograder.Grader.Release.RepositoryLayout(template.CourseRoot).ReferenceLibrary;
        var profilePath = Path.Combine(template.CourseRoot, "rubrics", $"{template.AssignmentId}.assignment.yaml");
        var profile = template.Assignment is { } a ? System.Text.Json.JsonSerializer.Serialize(a)
            : File.Exists(profilePath) ? File.ReadAllText(profilePath) : "";
        return CacheKeys.HashCourse(library, profile);
    }

    /// <summary>One student's plan inside its own error boundary: whatever their folder holds, the others are still graded.</summary>
    private static StudentPlan SafePlan(BatchOptions options, CacheKeys keys, BatchSubmission submission)
    {
        try
        {
            return Plan(options, keys, submission);
        }
        catch (Exception ex)
        {
            var rejected = submission with { Problem = submission.Problem ?? $"could not be read: {ex.GetType().Name}: {ex.Message}" };
            return new StudentPlan(rejected, "", keys.BaseKey($"unreadable\n{ex.Message}", null), null, Cached: false, Full: true, []);
        }
    }

    private static StudentPlan Plan(BatchOptions options, CacheKeys keys, BatchSubmission submission)
    {
        var hash = CacheKeys.HashSubmission(submission.Path);
        var at = options.SubmittedAt.TryGetValue(submission.Student, out var t) ? t : (DateTimeOffset?)null;
        // A duplicate is a property of the folder, not of the chosen submission's bytes: part of the key.
        var baseKey = keys.BaseKey(submission.Problem is null ? hash : $"{hash}\n{submission.Problem}", at);
        StudentPlan Full() => new(submission, hash, baseKey, at, Cached: false, Full: true, []);

        var record = StudentRecord.Load(options.OutputFolder, submission.Student);
        if (options.Regrade || record.Result is not { } previous || record.Stamp is not { } stamp || stamp.BaseKey != baseKey
            || previous.GraderError is not null)
        {
            return Full();
        }

        var changed = keys.ItemKeys.Where(k => !stamp.ItemKeys.TryGetValue(k.Key, out var old) || old != k.Value).Select(k => k.Key).ToList();
        var sameItems = stamp.ItemKeys.Keys.Order(StringComparer.Ordinal).SequenceEqual(keys.ItemKeys.Keys.Order(StringComparer.Ordinal))
            && previous.Items.Select(i => i.Id).Where(keys.GradedItems.Contains).SequenceEqual(keys.GradedItems);
        return changed.Count == 0 && sameItems
            ? new StudentPlan(submission, hash, baseKey, at, Cached: true, Full: false, [])
            : new StudentPlan(submission, hash, baseKey, at, Cached: false, Full: false, changed);
    }
}
