using System.Text.RegularExpressions;
using Autograder.Grader.Results;
using Autograder.Worker.Protocol;

namespace Autograder.Grader.Checks;

/// <summary>The submission threw while serving a call; turned into <c>not_implemented</c> for a TODO stub, else <c>failed</c>.</summary>
internal sealed partial class StudentFault(string call, WireError error) : Exception(error.Message)
{
    [GeneratedRegex(@"TODO\([^)]*\)")]
    private static partial Regex Todo();

    [GeneratedRegex(@" in (?<file>[^ ]+\.cs):line (?<line>\d+)")]
    private static partial Regex Frame();

    public CheckOutcome ToOutcome()
    {
        if (error.Type == "System.NotImplementedException" && Todo().Match(error.Message) is { Success: true } todo)
        {
            return new NotImplemented($"not implemented yet: {todo.Value}") { Part = todo.Value["TODO(".Length..^1] };
        }

        var where = error.StackTrace is { } stack && Frame().Match(stack) is { Success: true } f ? $" at {f.Groups["file"].Value} line {f.Groups["line"].Value}" : "";
        var type = error.Type.Split('.').Last();
        return new Failed($"{call} threw {type}{where}: {error.Message}");
    }
}
