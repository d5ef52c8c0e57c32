using System.CommandLine;
using Autograder.Grader.Assignments;
using Autograder.Grader.Release;

namespace Autograder.Cli;

/// <summary>
/// `autograder pack &lt;assignment&gt; [--from DIR] [--out FILE]`: zips the files an assignment submits,
/// from a kit or a library folder (default: the reference, i.e. a full-marks submission).
/// </summary>
internal static class PackCommand
{
    public static Command Create()
    {
        var assignment = new Argument<string>("assignment") { Description = "Assignment id (rubrics/<id>.assignment.yaml)." };
        var from = new Option<string?>("--from") { Description = "A kit folder or a library folder (default: reference/NeuralNet, the reference solution)." };
        var output = new Option<string?>("--out", "-o") { Description = "The zip to write (default: the profile's submission name in the current folder)." };
        var courseRoot = CourseRootOption.Create();
        var command = new Command("pack", "Zip the files an assignment submits, as the kit's pack step does.") { assignment, from, output, courseRoot };
        command.SetAction(result =>
        {
            try
            {
                var release = new KitRelease(RepositoryLayout.Find(result.GetValue(courseRoot) ?? Directory.GetCurrentDirectory()));
                var profile = release.Profile(result.GetValue(assignment)!);
                var source = Path.GetFullPath(result.GetValue(from) ?? release.Layout.ReferenceLibrary);
                var zip = Path.GetFullPath(result.GetValue(output) ?? profile.Submission);
                var files = SubmissionPacker.Pack(profile, source, zip);
                Console.WriteLine($"pack: wrote {zip} with {files.Count} files from {SubmissionPacker.LibraryIn(source)}");
                return 0;
            }
            catch (Exception e) when (e is AssignmentProfileException or ArgumentException or IOException)
            {
                Console.Error.WriteLine($"pack: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
