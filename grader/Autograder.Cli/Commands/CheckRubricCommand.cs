using System.CommandLine;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;

namespace Autograder.Cli;

/// <summary>
/// `autograder check-rubric [--rubric FILE] --assignment ID`: loads the rubric (an unknown check kind, type or member
/// is an error listing the close names) and proves it: the reference must get full marks, the kit zero. Always proves
/// afresh. Exit 0 when proved, 1 when the proof failed (each failing item, check and why printed), 2 when the
/// rubric or profile could not be read.
/// </summary>
internal static class CheckRubricCommand
{
    public static Command Create()
    {
        var assignment = new Option<string>("--assignment") { Description = "Assignment id, e.g. hw3-fashion-mlp.", Required = true };
        var rubric = new Option<string?>("--rubric") { Description = "Rubric file (default rubrics/<id>.rubric.yaml)." };
        var courseRoot = CourseRootOption.Create();
        var command = new Command("check-rubric", "Prove a rubric: the reference gets full marks and the kit zero; names what fails.") { assignment, rubric, courseRoot };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(courseRoot) ?? CourseRootFinder.TryFind(Environment.CurrentDirectory) ?? CourseRootFinder.TryFind(AppContext.BaseDirectory);
            if (root is null)
            {
                Console.Error.WriteLine("check-rubric: the course root was not found (no Autograder.sln upwards); pass --course-root");
                return 2;
            }

            var template = new GradeRequest("", parse.GetValue(assignment)!, Path.GetFullPath(root))
            {
                RubricPath = parse.GetValue(rubric) is { } r ? Path.GetFullPath(r) : null,
            };
            try
            {
                var proof = RubricProof.Run(template, useCache: false);
                foreach (var note in proof.Notes)
                {
                    Console.WriteLine($"check-rubric: {note}");
                }

                Console.WriteLine(proof.Describe());
                return proof.Ok ? 0 : 1;
            }
            catch (Exception e) when (e is Autograder.Grader.Rubrics.RubricException or Autograder.Grader.Assignments.AssignmentProfileException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"check-rubric: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
