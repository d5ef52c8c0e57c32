using System.CommandLine;
using Autograder.Grader.Batch;
using Autograder.Grader.Reports.Class;

namespace Autograder.Cli;

/// <summary>`autograder export &lt;batch-out&gt; --format canvas|moodle|csv [--roster FILE] [-o FILE]`: the gradebook as an LMS imports it.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("batch-out") { Description = "A batch output folder (from `autograder batch` or `merge`)." };
        var format = new Option<ExportFormat>("--format") { Description = "The LMS to write for: canvas, moodle or csv.", DefaultValueFactory = _ => ExportFormat.Csv };
        var roster = new Option<string?>("--roster") { Description = "A CSV mapping each submission name (column student) to its LMS identity (name, id, sis_user_id, sis_login_id, section, email, id_number)." };
        var lms = new Option<string?>("--lms-assignment") { Description = "The LMS's id of the assignment, for Canvas's column name (default: the assignment id)." };
        var output = new Option<string?>("--out", "-o") { Description = "The CSV to write (default: DIR/<format>-export.csv)." };
        var command = new Command("export", "Write a batch's gradebook as Canvas or Moodle import it (totals with bonus and manual points).") { folder, format, roster, lms, output };
        command.SetAction(parse =>
        {
            try
            {
                var dir = Path.GetFullPath(parse.GetValue(folder)!);
                var kind = parse.GetValue(format);
                var export = GradebookExport.Write(dir, kind, parse.GetValue(roster) is { } r ? GradebookExport.ReadRoster(r) : null, parse.GetValue(lms));
                var target = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine(dir, $"{kind.ToString().ToLowerInvariant()}-export.csv"));
                AtomicFile.WriteAllText(target, export.Csv);
                Console.WriteLine($"export: {kind.ToString().ToLowerInvariant()} gradebook -> {target}");
                foreach (var student in export.Unmatched)
                {
                    Console.WriteLine($"export: {student} has a submission but no roster row: exported under the submission's name; add them to the roster");
                }

                foreach (var student in export.NotSubmitted)
                {
                    Console.WriteLine($"export: {student} is on the roster but has no submission in this batch (no grade exported)");
                }

                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"export: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
