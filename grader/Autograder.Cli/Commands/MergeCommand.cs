using System.CommandLine;
using Autograder.Grader.Batch;
using Autograder.Grader.Reports.Class;

namespace Autograder.Cli;

/// <summary>
/// `autograder merge DIR... -o OUT`: combines shard outputs (`batch --shard i/N`) into one folder with one
/// gradebook and summary, the same bytes a single-machine batch writes.
/// </summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("folders") { Description = "Batch output folders to combine (one per shard).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "The merged folder (may be one of the inputs).", Required = true };
        var command = new Command("merge", "Combine shard outputs into one gradebook and summary.") { inputs, output };
        command.SetAction(parse =>
        {
            try
            {
                var target = parse.GetValue(output)!;
                var records = BatchMerger.Merge(parse.GetValue(inputs)!, target);
                Console.WriteLine($"merge: {records.Count} students ({SummaryWriter.StatusList(records)}) -> {Path.Combine(Path.GetFullPath(target), Gradebook.FileName)}");
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or System.Text.Json.JsonException)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        });
        return command;
    }
}
