using System.CommandLine;
using System.Reflection;

namespace Autograder.Cli;

/// <summary>`autograder version`: prints the tool's version (part of every cache key and result file).</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the autograder version.");
        command.SetAction(_ =>
        {
            Console.WriteLine(typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
            return 0;
        });
        return command;
    }
}
