using System.CommandLine;
using Autograder.Grader.Assignments;
using Autograder.Grader.Release;

namespace Autograder.Cli;

/// <summary>`autograder release &lt;assignment&gt;`: writes the starter kit of an assignment from the reference.</summary>
internal static class ReleaseCommand
{
    public static Command Create()
    {
        var assignment = new Argument<string>("assignment") { Description = "Assignment id (rubrics/<id>.assignment.yaml), or 'all'." };
        var output = new Option<string?>("--out", "-o") { Description = "Folder to write the kit into (default: skeleton/<assignment>); an earlier kit there is replaced." };
        var check = new Option<bool>("--check") { Description = "Write nothing; fail if the committed skeleton/<assignment> differs from what release generates now." };
        var courseRoot = CourseRootOption.Create();
        var command = new Command("release", "Generate a student starter kit from the reference solution.") { assignment, output, check, courseRoot };
        command.SetAction(result =>
        {
            try
            {
                var release = new KitRelease(RepositoryLayout.Find(result.GetValue(courseRoot) ?? Directory.GetCurrentDirectory()));
                var id = result.GetValue(assignment)!;
                var ids = id == "all" ? release.CodeProfiles.Select(p => p.Id).ToList() : [id];
                var outDir = result.GetValue(output);
                if (outDir is not null && ids.Count > 1)
                {
                    Console.Error.WriteLine("release: --out needs a single assignment, not 'all'");
                    return 2;
                }

                var status = 0;
                foreach (var each in ids)
                {
                    status = Math.Max(status, result.GetValue(check) ? Check(release, each) : Write(release, each, outDir));
                }

                return status;
            }
            catch (Exception e) when (e is MarkerException or AssignmentProfileException or ArgumentException or IOException or InvalidDataException)
            {
                Console.Error.WriteLine($"release: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static int Write(KitRelease release, string id, string? outDir)
    {
        var kit = release.Build(id);
        var target = Path.GetFullPath(outDir ?? release.SkeletonOf(id));
        kit.WriteTo(target);
        Console.WriteLine($"release: wrote {kit.Files.Count} files of {id} to {target}");
        return 0;
    }

    private static int Check(KitRelease release, string id)
    {
        var difference = release.Build(id).FirstDifference(release.SkeletonOf(id));
        if (difference is null)
        {
            Console.WriteLine($"release: skeleton/{id} is up to date");
            return 0;
        }

        Console.Error.WriteLine($"release: skeleton/{id} is stale: {difference}; run `autograder release {id}` and commit the result");
        return 1;
    }
}
