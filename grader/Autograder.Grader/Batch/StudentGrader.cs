using System.Diagnostics;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Reports;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;

namespace Autograder.Grader.Batch;

/// <summary>
/// Grades one student of a batch and writes their files: results.json, feedback.md, then the stamp
/// (deleted first, written last, so an interrupted student is regraded on the next run). Never
/// throws: whatever goes wrong becomes that student's result.
/// </summary>
internal sealed class StudentGrader(BatchOptions options, Rubric rubric, CacheKeys keys)
{
    public StudentRecord Grade(StudentPlan plan)
    {
        var clock = Stopwatch.StartNew();
        var dir = Path.Combine(options.OutputFolder, plan.Student);
        var request = options.Template with { Submission = plan.Submission.Path, SubmittedAt = plan.SubmittedAt, Rubric = rubric };
        var problem = plan.Submission.Problem ?? CacheKeys.Unreadable(plan.Submission.Path);
        GradeResult result;
        try
        {
            Directory.CreateDirectory(dir);
            File.Delete(Path.Combine(dir, GradingStamp.FileName));
            result = problem is not null ? Rejected(plan, problem)
                : plan.Full ? GradingPipeline.Grade(request, options.Limits)
                : Partial(request, plan, dir);
        }
        catch (Exception ex)
        {
            result = GradingPipeline.Failure(request, $"{ex.GetType().Name}: {ex.Message}", clock.Elapsed.TotalSeconds);
        }

        try
        {
            var json = JsonReport.Write(result);
            AtomicFile.WriteAllText(Path.Combine(dir, StudentRecord.ResultsFile), json);
            AtomicFile.WriteAllText(Path.Combine(dir, StudentRecord.FeedbackFile), MarkdownReport.Write(result));
            var stamp = new GradingStamp(plan.Student, Path.GetFileName(plan.Submission.Path), plan.SubmissionHash, plan.BaseKey,
                keys.ItemKeys, CacheKeys.Sha256(System.Text.Encoding.UTF8.GetBytes(json)), plan.SubmittedAt,
                LateDays(rubric.Due, plan.SubmittedAt), problem, Math.Round(clock.Elapsed.TotalSeconds, 3));
            stamp = ResultSeal.Sign(stamp);
            AtomicFile.WriteAllText(Path.Combine(dir, GradingStamp.FileName), stamp.ToJson());
            return new StudentRecord(plan.Student, result, stamp);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The disk refused the write: the student has no result on disk and is regraded next run.
            return new StudentRecord(plan.Student, result with { GraderError = $"could not write the result: {ex.Message}" }, null);
        }
    }

    /// <summary>Started days after the due date: 0 on time, 1 up to 24 h late, and so on.</summary>
    public static int LateDays(DateTimeOffset? due, DateTimeOffset? submitted) =>
        due is { } d && submitted is { } at && at > d ? (int)Math.Ceiling((at - d).TotalDays) : 0;

    private GradeResult Rejected(StudentPlan plan, string problem)
    {
        var items = rubric.Items.Select(i => new ItemResult(i.Id, i.Title, 0, i.Points, i.Visibility,
            [new CheckResult("submission", "intake", new Failed($"the submission could not be graded: {problem}"), 0, 1, 0)], []) { Bonus = i.Bonus }).ToList();
        return new GradeResult(rubric.Assignment, Path.GetFileName(plan.Submission.Path), 0, plan.SubmissionHash, 0, rubric.MaxScore, "none",
            items, [$"submission: {problem}"], 0, GradingPipeline.Version);
    }

    // Items grade independently (each check's inputs come from the submission seed, the item id and
    // the check index), so regrading the changed items and keeping the others equals a full regrade.
    private GradeResult Partial(GradeRequest request, StudentPlan plan, string dir)
    {
        var previous = ResultReader.Read(File.ReadAllText(Path.Combine(dir, StudentRecord.ResultsFile)));
        var changed = rubric.Items.Where(i => plan.ChangedItems.Contains(i.Id)).ToList();
        GradeResult? fresh = null;
        if (changed.Count > 0)
        {
            fresh = GradingPipeline.Grade(request with { Rubric = rubric with { Items = changed } }, options.Limits);
            if (fresh.GraderError is not null)
            {
                return fresh;
            }
        }

        var byId = previous.Items.Concat(fresh?.Items ?? []).GroupBy(i => i.Id).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        if (rubric.Items.Any(i => !byId.ContainsKey(i.Id)))
        {
            return GradingPipeline.Grade(request, options.Limits);
        }

        var items = rubric.Items.Select(i => byId[i.Id]).ToList();
        var penalty = fresh?.LatePenalty ?? previous.LatePenalty;
        return previous with
        {
            Items = items,
            Score = Math.Round(items.Sum(i => i.Points) * (1 - penalty), 4),
            MaxScore = rubric.MaxScore,
            Messages = previous.Messages.Concat(fresh?.Messages ?? []).Distinct().ToList(),
            ExecutionSeconds = previous.ExecutionSeconds + (fresh?.ExecutionSeconds ?? 0),
            Sandbox = fresh?.Sandbox ?? previous.Sandbox,
            LatePenalty = penalty,
        };
    }
}
