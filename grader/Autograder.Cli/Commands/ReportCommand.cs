using System.CommandLine;
using Autograder.Grader.Batch;
using Autograder.Grader.Reports.Class;

namespace Autograder.Cli;

/// <summary>`autograder report DIR -o report.html`: one self-contained HTML page for a batch output folder.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "A batch output folder (from `autograder batch` or `merge`)." };
        var output = new Option<string?>("--out", "-o") { Description = "The page to write (default: DIR/report.html)." };
        var command = new Command("report", "Write a self-contained HTML class report: gradebook, histogram, item analysis.") { folder, output };
        command.SetAction(parse =>
        {
            var dir = Path.GetFullPath(parse.GetValue(folder)!);
            var target = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine(dir, "report.html"));
            try
            {
                AtomicFile.WriteAllText(target, HtmlReport.Write(dir, target));
                Console.WriteLine($"report: {target}");
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException)
            {
                Console.Error.WriteLine($"report: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
