using System.CommandLine;
using System.Diagnostics;
using Autograder.Grader.Assignments;
using Autograder.Grader.Examples;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;
using Spectre.Console;

namespace Autograder.Cli;

/// <summary>
/// `autograder examples --assignment &lt;id&gt;`: grades the bundled example submissions under
/// tests/Golden/&lt;id&gt;/ (one sub-folder each, named by its expected outcome, stored as an overlay over the reference and
/// materialised by <see cref="ExampleSubmission"/>) in parallel and prints a
/// score table. Exit 0 when every example was graded, whatever the scores; 1 when the grader itself
/// failed on one; 2 when there is nothing to grade. With <c>--out DIR</c> it grades nothing and writes each example,
/// materialised, into DIR/&lt;name&gt;/, a folder <c>autograder grade</c> or <c>batch</c> takes.
/// </summary>
internal static class ExamplesCommand
{
    public static Command Create()
    {
        var assignment = new Option<string>("--assignment") { Description = "Assignment id, e.g. hw3-fashion-mlp.", Required = true };
        var jobs = new Option<int>("--jobs") { Description = "Examples graded at once (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<string?>("--out", "-o") { Description = "Write each example, materialised as the full submission, into this folder (one sub-folder each) instead of grading them." };
        var courseRoot = CourseRootOption.Create();
        var command = new Command("examples", "Grade the bundled example submissions of an assignment and print their scores.") { assignment, jobs, output, courseRoot };
        command.SetAction(parse =>
        {
            var id = parse.GetValue(assignment)!;
            var root = parse.GetValue(courseRoot) ?? CourseRootFinder.TryFind(Environment.CurrentDirectory) ?? CourseRootFinder.TryFind(AppContext.BaseDirectory);
            var folder = root is null ? null : Path.Combine(root, "tests", "Golden", id);
            if (folder is null || !Directory.Exists(folder))
            {
                Console.Error.WriteLine($"examples: no example submissions for '{id}' (looked for {folder ?? "tests/Golden/<id> under the course root"})");
                return 2;
            }

            var examples = Directory.GetDirectories(folder).Order(StringComparer.Ordinal).ToList();
            if (examples.Count == 0)
            {
                Console.Error.WriteLine($"examples: {folder} has no sub-folders");
                return 2;
            }

            // Stored as overlays over the reference (ExampleSubmission): each example is materialised as the full submission.
            var profile = GradingPipeline.LoadAssignment(root!, id);
            if (parse.GetValue(output) is { } target)
            {
                return Write(root!, profile, examples, target);
            }

            if (RubricGate.Refusal(new GradeRequest("", id, root!), "examples") is { } proofFailed)
            {
                return proofFailed;
            }

            var scratch = Directory.CreateTempSubdirectory("examples-").FullName;
            var clock = Stopwatch.StartNew();
            var results = new GradeResult[examples.Count];
            Console.Error.WriteLine($"examples: grading {examples.Count} submissions of {id} ...");
            try
            {
                // Longest first: an example whose expected.json expects a timeout waits out its limits on one core while
                // the others grade on the rest (started in name order, it finished last). Taken one at a time.
                var queue = System.Collections.Concurrent.Partitioner.Create(GradingOrder(examples), System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering);
                Parallel.ForEach(queue, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parse.GetValue(jobs)) }, i =>
                {
                    // The bundled examples are the repository's own: trusted, so they grade on a machine without bubblewrap too (and say so).
                    var started = clock.Elapsed;
                    var submission = ExampleSubmission.Materialise(root!, profile, examples[i], Path.Combine(scratch, Path.GetFileName(examples[i])));
                    results[i] = GradingPipeline.Grade(new GradeRequest(submission, id, root!) { AllowUnsandboxed = true });
                    Console.Error.WriteLine($"  {Path.GetFileName(examples[i])}: {results[i].ScoreText} ({(clock.Elapsed - started).TotalSeconds:0.0} s, from {started.TotalSeconds:0.0} s)");
                });
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }

            Print(id, results, examples);
            Console.WriteLine($"{examples.Count} examples graded in {clock.Elapsed.TotalSeconds:0.0} s (sandbox: {string.Join(", ", results.Select(r => r.Sandbox).Distinct())})");
            for (var i = 0; i < results.Length; i++)
            {
                if (results[i].GraderError is { } error)
                {
                    Console.Error.WriteLine($"examples: the grader failed on {examples[i]}: {error}");
                }
            }

            return results.Any(r => r.GraderError is not null) ? 1 : 0;
        });
        return command;
    }

    /// <summary>The examples' indices in the order to grade them: those expected to time out most first, then by name.</summary>
    internal static IReadOnlyList<int> GradingOrder(IReadOnlyList<string> examples) =>
        [.. Enumerable.Range(0, examples.Count).OrderByDescending(i => ExpectedTimeouts(examples[i])).ThenBy(i => i)];

    /// <summary>How many items the example's expected.json expects to time out (0 when it has none or cannot be read).</summary>
    private static int ExpectedTimeouts(string example)
    {
        try
        {
            return ExampleSubmission.ExpectedTimeouts(example);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return 0; // the order is only a speed-up; the grading of that example reports the broken manifest
        }
    }

    private static int Write(string root, AssignmentProfile profile, IReadOnlyList<string> examples, string target)
    {
        var existing = examples.Select(e => Path.Combine(target, Path.GetFileName(e))).Where(Path.Exists).ToList();
        if (existing.Count > 0)
        {
            Console.Error.WriteLine($"examples: {existing[0]} already exists; nothing written (choose an empty folder)");
            return 2;
        }

        foreach (var example in examples)
        {
            ExampleSubmission.Materialise(root, profile, example, Path.Combine(target, Path.GetFileName(example)));
        }

        Console.WriteLine($"{examples.Count} examples of {profile.Id} written to {Path.GetFullPath(target)}");
        return 0;
    }

    private static void Print(string id, IReadOnlyList<GradeResult> results, IReadOnlyList<string> examples)
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 200);
        }

        var items = results.SelectMany(r => r.Items.Select(i => i.Id)).Distinct().ToList();
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(id)}[/]: example submissions");
        table.AddColumn("submission").AddColumn(new TableColumn("score").RightAligned()).AddColumn(new TableColumn("max").RightAligned());
        foreach (var item in items)
        {
            table.AddColumn(new TableColumn(Markup.Escape(item)).Centered());
        }

        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            var score = r.BonusMaxScore > 0 ? $"{r.CoreScore:0.##} (+{r.BonusScore:0.##})" : $"{r.Score:0.##}";
            var cells = new List<string> { Markup.Escape(Path.GetFileName(examples[i])), score, $"{r.MaxScore:0.##}" };
            var byId = r.Items.ToDictionary(x => x.Id, StringComparer.Ordinal);
            cells.AddRange(items.Select(item => byId.TryGetValue(item, out var ir) ? Cell(ir) : r.GraderError is null ? "" : "[red]grader error[/]"));
            table.AddRow(cells.ToArray());
        }

        AnsiConsole.Write(table);
    }

    private static string Cell(ItemResult item)
    {
        var status = Autograder.Grader.Batch.StudentStatus.Name(item.Status);
        var colour = item.Status switch
        {
            CheckStatus.Passed => "green",
            CheckStatus.Failed or CheckStatus.NotImplemented => "yellow",
            _ => "red",
        };
        return $"[{colour}]{Markup.Escape(status)}[/] {item.Points:0.##}/{item.MaxPoints:0.##}";
    }
}
