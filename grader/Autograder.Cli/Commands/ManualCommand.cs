using System.CommandLine;
using Autograder.Cli.Manual;
using Autograder.Grader.Batch;

namespace Autograder.Cli;

/// <summary>
/// `autograder manual &lt;batch-out&gt; [--item ID] [--submissions DIR]`: serves the manual-grading page on 127.0.0.1
/// (a random port and a one-time token in the printed address) until Ctrl+C. `autograder manual import FILE
/// &lt;batch-out&gt;`: checks a CSV of manual grades (student,item,points[,comment]) against the batch and merges it into
/// its manual-grades.csv. Either way the gradebook, summary and feedback are rebuilt with the staff's points.
/// </summary>
internal static class ManualCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("batch-out") { Description = "A batch output folder (from `autograder batch` or `merge`)." };
        var item = new Option<string?>("--item") { Description = "Grade only this manual item." };
        var submissions = new Option<string?>("--submissions") { Description = "The submissions folder the batch graded, to show each student's plots, logs and answers." };
        var command = new Command("manual", "Grade the rubric's manual items (plots, discussion) on a local web page, or import their scores.")
        {
            folder, item, submissions,
        };
        command.SetAction(async (parse, cancel) =>
        {
            try
            {
                var dir = Path.GetFullPath(parse.GetValue(folder)!);
                var session = new ManualSession(dir, parse.GetValue(submissions) is { } s ? Path.GetFullPath(s) : null, parse.GetValue(item));
                if (session.Items.Count == 0)
                {
                    Console.Error.WriteLine($"manual: {dir} has no manual items{(parse.GetValue(item) is { } only ? $" named {only}" : "")} to grade");
                    return 2;
                }

                await using var server = await ManualServer.StartAsync(session);
                Console.WriteLine($"manual: grading {session.Items.Count} item(s) of {session.Students.Count} students; open {server.Url}");
                Console.WriteLine($"manual: scores are saved to {Path.Combine(dir, ManualGrades.FileName)} as you enter them; Ctrl+C stops the page");
                try
                {
                    await Task.Delay(Timeout.Infinite, cancel);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C: the grades are already saved.
                }

                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException)
            {
                Console.Error.WriteLine($"manual: {e.Message}");
                return 2;
            }
        });
        command.Subcommands.Add(Import());
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<string>("file") { Description = "A CSV with the header student,item,points,comment (comment optional)." };
        var folder = new Argument<string>("batch-out") { Description = "The batch output folder the grades belong to." };
        var command = new Command("import", "Check a CSV of manual grades against a batch and merge it into its manual-grades.csv.") { file, folder };
        command.SetAction(parse =>
        {
            try
            {
                var dir = Path.GetFullPath(parse.GetValue(folder)!);
                var manifest = BatchManifest.Read(dir);
                var path = parse.GetValue(file)!;
                var imported = ManualGrades.Parse(File.ReadAllText(path), path, manifest);
                var merged = ManualGrades.Load(dir, manifest).Merge(imported);
                merged.Save(dir);
                BatchOutput.Write(dir, manifest);
                var pending = manifest.Students.Count * manifest.Items.Count(i => i.Manual) - merged.All.Count;
                Console.WriteLine($"manual import: {imported.All.Count} grades from {path}; {merged.All.Count} in {ManualGrades.FileName}, {pending} pending; gradebook and feedback rebuilt");
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"manual import: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
