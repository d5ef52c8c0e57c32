namespace Autograder.Tests.Grader.Golden;

/// <summary>
/// A golden stored as an overlay (<c>tests/Overlays/&lt;assignment&gt;/&lt;Name&gt;/</c>): only the files that differ from the
/// reference, plus <c>expected.json</c>. Materialised at test time over the reference's files of the assignment and the
/// training logs of <c>tests/Golden/&lt;assignment&gt;/PassesAll</c> (a log in the overlay replaces the reference's).
/// </summary>
internal static class GoldenOverlay
{
    public static string Materialise(string root, string assignment, string overlay)
    {
        var target = Directory.CreateTempSubdirectory($"overlay-{Path.GetFileName(overlay)}-").FullName;
        var profile = Autograder.Grader.Pipeline.GradingPipeline.LoadAssignment(root, assignment);
        var library = Path.Combine(root, "reference", "NeuralNet");
        foreach (var file in profile.Files)
        {
            Copy(Path.Combine(library, file), Path.Combine(target, file));
        }

        var passes = Path.Combine(root, "tests", "Golden", assignment, "PassesAll");
        foreach (var log in Directory.Exists(passes) ? Directory.EnumerateFiles(passes, "*.json").Where(f => Path.GetFileName(f) != "expected.json") : [])
        {
            Copy(log, Path.Combine(target, Path.GetFileName(log)));
        }

        foreach (var file in Directory.EnumerateFiles(overlay, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "expected.json"))
        {
            Copy(file, Path.Combine(target, Path.GetRelativePath(overlay, file)));
        }

        return target;
    }

    private static void Copy(string from, string to)
    {
        if (!File.Exists(from))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
    }
}
