using System.CommandLine;

namespace Autograder.Cli;

/// <summary>The `autograder` command: one sub-command per file under Commands/.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        // `autograder train` trains in a runtime of its own, set up as a kit's tools/Run is (TrainingProcess).
        if (TrainingProcess.ShouldRestart(args) && TrainingProcess.TryRun(args, out var trained))
        {
            return trained;
        }

        var root = new RootCommand("Autograder: reference, starter kits and grader for neural-networks-from-scratch courses.");
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }

        // Bare `autograder` is a mistake, not a success: print the commands and exit 2 (as for a usage error).
        root.SetAction(parse =>
        {
            Console.Error.WriteLine("autograder: no command given. Commands:");
            foreach (var command in root.Subcommands)
            {
                Console.Error.WriteLine($"  {command.Name,-11} {command.Description}");
            }

            Console.Error.WriteLine("Run `autograder <command> --help` for a command's options.");
            return 2;
        });
        return root.Parse(args).Invoke();
    }

    // Each command lives in Commands/<Name>Command.cs and exposes `static Command Create()`.
    private static IEnumerable<Command> Commands()
    {
        yield return VersionCommand.Create();
        yield return ReleaseCommand.Create();
        yield return PackCommand.Create();
        yield return GradeCommand.Create();
        yield return TrainCommand.Create();
        yield return PlotCommand.Create();
        yield return BatchCommand.Create();
        yield return MergeCommand.Create();
        yield return ReportCommand.Create();
        yield return ExamplesCommand.Create();
        yield return SelfcheckCommand.Create();
        yield return CheckRubricCommand.Create();
        yield return NewCommand.Create();
        yield return GradescopeCommand.Create();
        yield return ManualCommand.Create();
        yield return ExportCommand.Create();
    }
}
