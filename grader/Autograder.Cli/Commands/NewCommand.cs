using System.CommandLine;
using Autograder.Grader.Assignments;
using Autograder.Grader.Execution;

namespace Autograder.Cli;

/// <summary>
/// `autograder new &lt;assignment-id&gt; [--title T]`: scaffolds a new assignment in the course folder (a module with an example
/// layer whose reference solution the instructor writes, its profile, a rubric, the kit's public check templates and a
/// README of next steps; <see cref="AssignmentScaffold"/>). Exit 0 when written, 2 when nothing could be written.
/// </summary>
internal static class NewCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("assignment-id") { Description = "The new assignment's id: lower-case letters, digits and dashes, e.g. hw7-leaky-adam." };
        var title = new Option<string?>("--title") { Description = "Its title (default: the id)." };
        var courseRoot = CourseRootOption.Create();
        var command = new Command("new", "Scaffold a new assignment: module, profile, rubric, kit checks and a README (docs/authoring.md).") { id, title, courseRoot };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(courseRoot) ?? CourseRootFinder.TryFind(Environment.CurrentDirectory);
            if (root is null)
            {
                Console.Error.WriteLine("new: the course root was not found (no Autograder.sln upwards from the current folder); pass --course-root");
                return 2;
            }

            try
            {
                var result = AssignmentScaffold.Create(Path.GetFullPath(root), parse.GetValue(id)!, parse.GetValue(title));
                foreach (var file in result.Files)
                {
                    Console.WriteLine($"new: wrote {file}");
                }

                Console.WriteLine($"new: module {result.Module} with parts {string.Join(", ", result.Parts)}; write their reference solutions, then");
                Console.WriteLine($"     autograder check-rubric --assignment {result.Module} && autograder release {result.Module}");
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or AssignmentProfileException)
            {
                Console.Error.WriteLine($"new: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
