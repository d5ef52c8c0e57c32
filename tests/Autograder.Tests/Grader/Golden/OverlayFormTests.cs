using System.Text;
using Autograder.Grader.Examples;
using Autograder.Grader.Pipeline;

namespace Autograder.Tests.Grader.Golden;

/// <summary>
/// Issue 15 part 7: every stored example submission (tests/Golden, tests/Adversarial, tests/Overlays) is an overlay: no C#
/// file token-identical to the reference's and no log byte-identical to PassesAll's (those come from the materialiser), and
/// every case materialises into a submission holding every assignment file except those its expected.json lists as absent.
/// <c>OVERLAY_CONVERT=1 dotnet test --filter OverlayFormTests</c> rewrites the folders into that form.
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
            foreach (var file in profile.Files.Where(f => File.Exists(Path.Combine(folder, f))))
            {
                if (ExampleSubmission.SameCodeAsFile(Path.Combine(folder, file), File.ReadAllText(Path.Combine(Root, "reference", "NeuralNet", file))))
                {
                    problems.Add($"{name}/{file}: the reference's code; delete it (the materialiser supplies it)");
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

    /// <summary>With OVERLAY_CONVERT=1: writes each case's absent list, then deletes the files the materialiser supplies.</summary>
    private static void Convert()
    {
        if (Environment.GetEnvironmentVariable("OVERLAY_CONVERT") != "1")
        {
            return;
        }

        foreach (var (id, folder) in Cases())
        {
            var profile = GradingPipeline.LoadAssignment(Root, id);
            var logs = ExampleSubmission.Logs(Root, id).Select(l => Path.GetFileName(l)).ToList();
            if (File.ReadAllText(Path.Combine(folder, ExampleSubmission.Manifest)).Contains("\"generated\"", StringComparison.Ordinal))
            {
                continue; // written at test time from PassesAll (GeneratedSubmissions)
            }

            var overlay = folder.Contains($"{Path.DirectorySeparatorChar}Overlays{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
            var passesAll = Path.GetFileName(folder) == ExampleSubmission.PassesAll && folder.Contains($"{Path.DirectorySeparatorChar}Golden{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
            var absent = profile.Files.Concat(passesAll ? [] : logs).Where(f => !File.Exists(Path.Combine(folder, f))).ToList();
            var manifest = Path.Combine(folder, ExampleSubmission.Manifest);
            if (!overlay && absent.Count > 0 && !File.ReadAllText(manifest).Contains("\"absent\"", StringComparison.Ordinal))
            {
                var text = File.ReadAllText(manifest);
                var brace = text.IndexOf('{', StringComparison.Ordinal);
                var list = string.Join(", ", absent.Select(a => $"\"{a}\""));
                File.WriteAllText(manifest, text[..(brace + 1)] + $"\n  \"absent\": [{list}]," + text[(brace + 1)..], new UTF8Encoding(false));
            }

            foreach (var file in profile.Files.Where(f => File.Exists(Path.Combine(folder, f))))
            {
                if (ExampleSubmission.SameCodeAsFile(Path.Combine(folder, file), File.ReadAllText(Path.Combine(Root, "reference", "NeuralNet", file))))
                {
                    File.Delete(Path.Combine(folder, file));
                }
            }

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
