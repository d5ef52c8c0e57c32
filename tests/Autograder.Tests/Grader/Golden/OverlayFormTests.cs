using Autograder.Grader.Examples;
using Autograder.Grader.Pipeline;

namespace Autograder.Tests.Grader.Golden;

/// <summary>
/// Issue 15 part 7: every stored example submission (tests/Golden, tests/Adversarial, tests/Overlays) is an overlay: no C#
/// file token-identical to the reference's and no log byte-identical to PassesAll's (those come from the materialiser), and
/// every case materialises into a submission holding every assignment file except those its expected.json lists as absent.
/// <c>OVERLAY_CONVERT=1 dotnet test --filter OverlayFormTests</c> deletes what the materialiser supplies (see <see cref="Convert"/>).
/// </summary>
public sealed class OverlayFormTests
{
    private static readonly string Root = Goldens.Root;
    private static readonly string[] Assignments = ["a1-mnist-softmax", "hw3-fashion-mlp", "hw5-neuralnet-cli", "hw6-dnn-cnn"];

    private static IEnumerable<(string Assignment, string Folder)> Cases() =>
        from kind in new[] { "Golden", "Adversarial", "Overlays" }
        from id in Assignments
        let folder = Path.Combine(Root, "tests", kind, id)
        where Directory.Exists(folder)
        from c in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal)
        where File.Exists(Path.Combine(c, ExampleSubmission.Manifest))
        select (id, c);

    [Fact]
    public void Cases_HoldOnlyWhatDiffersFromTheReference()
    {
        Convert();
        var problems = new List<string>();
        foreach (var (id, folder) in Cases())
        {
            var name = Path.GetRelativePath(Path.Combine(Root, "tests"), folder);
            var profile = GradingPipeline.LoadAssignment(Root, id);
            var library = ExampleSubmission.BaseLibrary(Root, profile, folder);
            foreach (var file in profile.Files.Where(f => File.Exists(Path.Combine(folder, f)) && File.Exists(Path.Combine(library, f))))
            {
                if (ExampleSubmission.SameCodeAsFile(Path.Combine(folder, file), File.ReadAllText(Path.Combine(library, file))))
                {
                    problems.Add($"{name}/{file}: the code of {Path.GetRelativePath(Root, library)}/{file}; delete it (the materialiser supplies it)");
                }
            }

            if (Path.GetFileName(folder) != ExampleSubmission.PassesAll)
            {
                foreach (var log in ExampleSubmission.Logs(Root, id).Where(l => File.Exists(Path.Combine(folder, Path.GetFileName(l)))))
                {
                    if (File.ReadAllBytes(log).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(folder, Path.GetFileName(log)))))
                    {
                        problems.Add($"{name}/{Path.GetFileName(log)}: PassesAll's log; delete it");
                    }
                }
            }

            if (File.ReadAllText(Path.Combine(folder, ExampleSubmission.Manifest)).Contains("\"generated\"", StringComparison.Ordinal))
            {
                continue;
            }

            var made = Goldens.Of(id, folder);
            var absent = ExampleSubmission.Absent(folder);
            foreach (var file in profile.Files.Where(f => !absent.Contains(f)))
            {
                if (!File.Exists(Path.Combine(made, file)))
                {
                    problems.Add($"{name}: materialised without {file}, which it does not declare absent");
                }
            }

            foreach (var file in absent.Where(f => profile.Files.Contains(f)))
            {
                if (File.Exists(Path.Combine(made, file)))
                {
                    problems.Add($"{name}: declares {file} absent but the materialised submission has it");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void SameCode_IgnoresCommentsAndLayoutButNotCode()
    {
        Assert.True(ExampleSubmission.SameCode("int f() { return 1; } // one", "int f()\n{\n    // the value\n    return 1;\n}"));
        Assert.False(ExampleSubmission.SameCode("int f() { return 1; }", "int f() { return 2; }"));
        Assert.True(ExampleSubmission.SameCode("/// <summary>One.</summary>\nint f() => 1;", "/// <summary>The value one.</summary>\nint f() => 1;"));

        // Directives and disabled code are trivia to Roslyn, but they decide what compiles.
        Assert.False(ExampleSubmission.SameCode("#pragma warning disable CS0168\nint f() => 1;", "int f() => 1;"));
        Assert.False(ExampleSubmission.SameCode("#if false\nint g() => 2;\n#endif\nint f() => 1;", "#if false\nint g() => 3;\n#endif\nint f() => 1;"));
        Assert.True(ExampleSubmission.SameCode("#if  DEBUG\nint f() => 1;\n#endif", "#if DEBUG // checked\nint f() => 1;\n#endif"));
    }

    /// <summary>
    /// With OVERLAY_CONVERT=1: deletes from each case the files the materialiser supplies (code equal to the base library's,
    /// logs equal to PassesAll's), e.g. after a case was added as a full copy. A file the student did not submit is never
    /// guessed: name it under <c>"absent"</c> in the case's expected.json before converting.
    /// </summary>
    private static void Convert()
    {
        if (Environment.GetEnvironmentVariable("OVERLAY_CONVERT") != "1")
        {
            return;
        }

        foreach (var (id, folder) in Cases())
        {
            var profile = GradingPipeline.LoadAssignment(Root, id);
            var library = ExampleSubmission.BaseLibrary(Root, profile, folder);
            foreach (var file in profile.Files.Where(f => File.Exists(Path.Combine(folder, f)) && File.Exists(Path.Combine(library, f))))
            {
                if (ExampleSubmission.SameCodeAsFile(Path.Combine(folder, file), File.ReadAllText(Path.Combine(library, file))))
                {
                    File.Delete(Path.Combine(folder, file));
                }
            }

            var passesAll = Path.GetFileName(folder) == ExampleSubmission.PassesAll && folder.Contains($"{Path.DirectorySeparatorChar}Golden{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
            foreach (var log in passesAll ? [] : ExampleSubmission.Logs(Root, id))
            {
                var mine = Path.Combine(folder, Path.GetFileName(log));
                if (File.Exists(mine) && File.ReadAllBytes(log).AsSpan().SequenceEqual(File.ReadAllBytes(mine)))
                {
                    File.Delete(mine);
                }
            }

            foreach (var dir in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
            {
                if (!Directory.EnumerateFileSystemEntries(dir).Any())
                {
                    Directory.Delete(dir);
                }
            }
        }
    }
}
