using System.CommandLine;
using System.Globalization;
using Autograder.Grader.Batch;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Reports.Class;
using Spectre.Console;

namespace Autograder.Cli;

/// <summary>
/// `autograder batch &lt;folder&gt; --assignment &lt;id&gt; --out DIR [--jobs N] [--regrade] [--shard i/N]`:
/// grades one sub-folder or zip per student in parallel, reusing cached results, and writes per-student
/// results.json + feedback.md, gradebook.csv, summary.md and histogram.png. Exit 0 when the batch ran
/// (whatever the scores or broken submissions), 2 when it could not start.
/// </summary>
internal static class BatchCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "Folder with one sub-folder or .zip per student (the name, minus .zip, is the student id)." };
        var assignment = new Option<string>("--assignment") { Description = "Assignment id, e.g. hw3-fashion-mlp.", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Output folder (per-student results, gradebook.csv, summary.md).", Required = true };
        var jobs = new Option<int>("--jobs") { Description = "Submissions graded at once (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var regrade = new Option<bool>("--regrade") { Description = "Ignore cached results and grade everything again." };
        var shard = new Option<string?>("--shard") { Description = "Grade only shard i of N (0-based, e.g. 3/10); combine shard outputs with `autograder merge`." };
        var times = new Option<string?>("--submitted-at") { Description = "CSV of student,ISO-8601 time for late days and the late penalty." };
        var rubric = new Option<string?>("--rubric") { Description = "Rubric file (default rubrics/<id>.rubric.yaml)." };
        var courseRoot = CourseRootOption.Create();
        var noSandbox = NoSandboxOption.Create();
        var command = new Command("batch", "Grade a folder of submissions in parallel into a gradebook.")
        {
            folder, assignment, output, jobs, regrade, shard, times, rubric, courseRoot, noSandbox,
        };
        command.SetAction(parse =>
        {
            if (NoSandboxOption.Refusal(parse.GetValue(noSandbox), "batch") is { } refusal)
            {
                Console.Error.WriteLine(refusal);
                return 2;
            }

            try
            {
                var root = parse.GetValue(courseRoot) ?? CourseRootFinder.TryFind(Environment.CurrentDirectory) ?? CourseRootFinder.TryFind(AppContext.BaseDirectory)
                    ?? throw new DirectoryNotFoundException("the course root was not found (no Autograder.sln upwards); pass --course-root");
                var template = new GradeRequest("", parse.GetValue(assignment)!, Path.GetFullPath(root))
                {
                    RubricPath = parse.GetValue(rubric) is { } r ? Path.GetFullPath(r) : null,
                    AllowUnsandboxed = parse.GetValue(noSandbox),
                };
                if (RubricGate.Refusal(template, "batch", Path.Combine(Path.GetFullPath(parse.GetValue(output)!), ".rubric-proof")) is { } proofFailed)
                {
                    return proofFailed;
                }

                var options = new BatchOptions(Path.GetFullPath(parse.GetValue(folder)!), Path.GetFullPath(parse.GetValue(output)!), template)
                {
                    Jobs = Math.Max(1, parse.GetValue(jobs)),
                    Regrade = parse.GetValue(regrade),
                    Shard = parse.GetValue(shard) is { } s ? Shard.Parse(s) : Shard.All,
                    SubmittedAt = parse.GetValue(times) is { } t ? SubmissionTimes.Read(t) : new Dictionary<string, DateTimeOffset>(),
                };
                var run = Interactive ? RunWithBar(options) : BatchRunner.Run(options, p => Console.WriteLine(Line(p)));
                Console.WriteLine(
                    $"batch: {run.Total} students{(options.Shard.Count > 1 ? $" (shard {options.Shard})" : "")}: graded {run.Graded}, regraded in part {run.Partial}, cached {run.Cached}; " +
                    $"{run.Failures} need a look; {Duration(run.Elapsed)} -> {Path.Combine(options.OutputFolder, Gradebook.FileName)}");
                foreach (var record in run.Records.Where(r => StudentStatus.IsBroken(r.Status)))
                {
                    Console.WriteLine($"  need a look: {record.Student} ({record.Status}): {Reason(record)}");
                }

                return 0;
            }
            catch (Exception e) when (e is IOException or FormatException or InvalidDataException or UnauthorizedAccessException or Autograder.Grader.Rubrics.RubricException)
            {
                Console.Error.WriteLine($"batch: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>Why a student needs a look, in one line: the rejection, the grader error or the first failing check.</summary>
    internal static string Reason(StudentRecord record)
    {
        var line = SummaryWriter.FirstProblem(record).ReplaceLineEndings(" ");
        return line.Length <= 200 ? line : line[..200] + "…";
    }

    /// <summary>A live progress bar only on a terminal; logs and CI get one plain line per student.</summary>
    internal static bool Interactive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>One plain progress line, e.g. <c>[ 12/200] alice  8.5/12  failed  (failures 3, eta 4m10s)</c>.</summary>
    internal static string Line(BatchProgress p)
    {
        var width = p.Total.ToString(CultureInfo.InvariantCulture).Length;
        var count = $"{p.Done.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{p.Total}";
        return string.Create(CultureInfo.InvariantCulture,
            $"[{count}] {p.Student}  {p.Score:0.##}/{p.MaxScore:0.##}  {p.Status}  (failures {p.Failures}, eta {(p.Remaining is { } r ? Duration(r) : "?")})");
    }

    internal static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}m" : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m{t.Seconds:00}s" : $"{t.TotalSeconds:0.0}s";

    private static BatchRun RunWithBar(BatchOptions options)
    {
        BatchRun? run = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("[bold]grading[/]");
                task.IsIndeterminate = true;
                run = BatchRunner.Run(options, p =>
                {
                    task.IsIndeterminate = false;
                    task.MaxValue = p.Total;
                    task.Value = p.Done;
                    task.Description = $"[bold]{p.Done}/{p.Total}[/] done, [{(p.Failures > 0 ? "red" : "green")}]{p.Failures} failures[/], eta {Markup.Escape(p.Remaining is { } r ? Duration(r) : "?")}";
                });
                task.Value = task.MaxValue;
            });
        return run!;
    }
}
