using System.CommandLine;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;

namespace Autograder.Cli;

/// <summary>
/// <c>--no-sandbox</c>, shared by every command that runs untrusted submissions (grade, batch, gradescope --run):
/// without it they refuse to run student code where bubblewrap's sandbox is unavailable.
/// </summary>
internal static class NoSandboxOption
{
    public static Option<bool> Create() => new("--no-sandbox")
    {
        Description = "Grade even where bubblewrap's sandbox is unavailable (for gradescope: baked into run_autograder): student code then runs with your rights. Every result says sandbox: none.",
    };

    /// <summary>
    /// Null when grading may go ahead (the sandbox is there, or <paramref name="allowed"/>); otherwise the
    /// one-line refusal naming why and what to do. With <paramref name="allowed"/> on a machine without the
    /// sandbox, prints a warning first.
    /// </summary>
    public static string? Refusal(bool allowed, string command)
    {
        if (SandboxLauncher.Unavailable is not { } why)
        {
            return null;
        }

        if (allowed)
        {
            Console.Error.WriteLine($"{command}: warning: no sandbox ({why}); grading anyway because of --no-sandbox");
            return null;
        }

        return $"{command}: {GradingPipeline.Unsandboxed(why)}";
    }
}
