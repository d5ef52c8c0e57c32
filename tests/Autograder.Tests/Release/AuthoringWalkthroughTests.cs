using System.Text.Json;
using System.Text.RegularExpressions;
using Autograder.Cli;
using Autograder.Grader.Execution;
using Xunit.Abstractions;

namespace Autograder.Tests.Release;

/// <summary>
/// Issue 15: docs/authoring.md, run as an instructor would in a fresh course folder: every file and region the page shows
/// is written as shown, every `autograder` command it shows is run through the command line, then the reference gets full
/// marks, the released kit zero and the kit builds. If the page and the product drift apart, this fails.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class AuthoringWalkthroughTests(ITestOutputHelper log)
{
    private static readonly string Repo = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;

    [Fact]
    public void Walkthrough_FromNewToGradedSubmission_WorksAsWritten()
    {
        var course = NewCourse();
        try
        {
            var blocks = Blocks(File.ReadAllText(Path.Combine(Repo, "docs", "authoring.md")));
            Assert.Contains(blocks, b => b.Info.StartsWith("bash", StringComparison.Ordinal) && b.Text.Contains("autograder new hw7-leaky-adam", StringComparison.Ordinal));
            var ran = new List<string>();
            foreach (var block in blocks)
            {
                if (Attribute(block.Info, "file") is { } file)
                {
                    var target = Path.Combine(course, file);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.WriteAllText(target, block.Text);
                }
                else if (Attribute(block.Info, "append") is { } append)
                {
                    File.AppendAllText(Path.Combine(course, append), block.Text);
                }
                else if (Attribute(block.Info, "region") is { } part)
                {
                    WriteRegion(course, part, block.Text);
                }
                else if (block.Info.StartsWith("bash", StringComparison.Ordinal))
                {
                    foreach (var line in block.Text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("autograder ", StringComparison.Ordinal)))
                    {
                        if (line.StartsWith("autograder grade ", StringComparison.Ordinal))
                        {
                            ran.Add(line);
                            continue; // graded below, once for the reference and once for the kit
                        }

                        var exit = Cli(course, Arguments(line[("autograder ".Length)..]));
                        Assert.True(exit == 0, $"`{line}` exited with {exit}");
                        ran.Add(line);
                    }
                }
            }

            Assert.Equal(["autograder new", "autograder release", "autograder check-rubric", "autograder grade"], ran.Select(r => string.Join(' ', r.Split(' ').Take(2))));

            // The reference solution as a submission: full marks. The kit's files as a submission: zero.
            var profileFiles = new[] { "Models/Hw7LeakyAdam/Hw7LeakyAdamDense.cs", "Models/Hw7LeakyAdam/LeakyRelu.cs", "Models/Hw7LeakyAdam/Adam.cs" };
            var (score, max) = Grade(course, "ada", profileFiles.Select(f => Path.Combine(course, "reference", "NeuralNet", f)), profileFiles);
            Assert.Equal(max, score);
            Assert.Equal(17, max);
            var (kitScore, _) = Grade(course, "kit", profileFiles.Select(f => Path.Combine(course, "skeleton", "hw7-leaky-adam", "NeuralNet", f)), profileFiles);
            Assert.Equal(0, kitScore);

            // The released kit builds on its own (NeuralNet.Core from lib/, only this module's sources).
            var kit = Path.Combine(course, "skeleton", "hw7-leaky-adam");
            Assert.True(File.Exists(Path.Combine(kit, "lib", "NeuralNet.Core.dll")));
            Assert.Contains("TODO(hw7_leaky_adam.adam.step)", File.ReadAllText(Path.Combine(kit, "NeuralNet", "Models", "Hw7LeakyAdam", "Adam.cs")), StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(kit, "NeuralNet", "Layers")), "the kit ships a module it does not use");
            var (buildExit, buildOutput) = DotnetProcess.Run(kit, TimeSpan.FromMinutes(5), null, "build", "--nologo");
            Assert.True(buildExit == 0, buildOutput);
        }
        finally
        {
            Directory.Delete(course, recursive: true);
        }
    }

    private (double Score, double Max) Grade(string course, string name, IEnumerable<string> sources, IReadOnlyList<string> files)
    {
        var submission = Path.Combine(course, "submissions", name);
        foreach (var (source, file) in sources.Zip(files))
        {
            var target = Path.Combine(submission, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        var exit = Cli(course, ["grade", submission, "--assignment", "hw7-leaky-adam"]);
        var result = Path.Combine(course, "submissions", name + ".result.json");
        Assert.True(File.Exists(result), $"grade {name} wrote no result (exit {exit})");
        using var doc = JsonDocument.Parse(File.ReadAllText(result));
        log.WriteLine($"{name}: {doc.RootElement.GetProperty("score").GetDouble()} / {doc.RootElement.GetProperty("max_score").GetDouble()}");
        return (doc.RootElement.GetProperty("score").GetDouble(), doc.RootElement.GetProperty("max_score").GetDouble());
    }

    private int Cli(string course, string[] args)
    {
        log.WriteLine("autograder " + string.Join(' ', args));
        return (int)typeof(GradeCommand).Assembly.EntryPoint!.Invoke(null, [args.Append("--course-root").Append(course).ToArray()])!;
    }

    /// <summary>A course folder holding what an instructor's clone holds that these commands read.</summary>
    internal static string NewCourse()
    {
        var course = Directory.CreateTempSubdirectory("authoring-").FullName;
        foreach (var file in new[] { "Autograder.sln", "global.json", "Directory.Packages.props", "TrainingGc.props", "data/checksums.sha256" })
        {
            Copy(Path.Combine(Repo, file), Path.Combine(course, file));
        }

        foreach (var folder in new[] { "reference/NeuralNet", "grader/KitTemplate", "data/mnist", "rubrics/schemas" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo, folder), "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(Repo, f).Replace('\\', '/').Split('/').Any(s => s is "bin" or "obj")))
            {
                Copy(file, Path.Combine(course, Path.GetRelativePath(Repo, file)));
            }
        }

        return course;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }

    private static void WriteRegion(string course, string part, string body)
    {
        var library = Path.Combine(course, "reference", "NeuralNet");
        var file = Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories)
            .Single(f => File.ReadAllText(f).Contains($"// BEGIN SOLUTION {part}\n", StringComparison.Ordinal));
        var lines = File.ReadAllLines(file).ToList();
        var begin = lines.FindIndex(l => l.Trim() == $"// BEGIN SOLUTION {part}");
        var end = lines.FindIndex(begin, l => l.Trim() == "// END SOLUTION");
        lines.RemoveRange(begin + 1, end - begin - 1);
        lines.InsertRange(begin + 1, body.TrimEnd('\n').Split('\n'));
        File.WriteAllText(file, string.Join('\n', lines) + "\n");
    }

    private static string[] Arguments(string line) =>
        [.. ArgumentPattern().Matches(line).Select(m => m.Groups["q"].Success ? m.Groups["q"].Value : m.Value)];

    private static string? Attribute(string info, string key) =>
        Regex.Match(info, $@"\b{key}=(?<v>\S+)") is { Success: true } m ? m.Groups["v"].Value : null;

    private static List<(string Info, string Text)> Blocks(string markdown)
    {
        var blocks = new List<(string, string)>();
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal) || lines[i].Length == 3)
            {
                continue;
            }

            var info = lines[i][3..].Trim();
            var end = Array.FindIndex(lines, i + 1, l => l.StartsWith("```", StringComparison.Ordinal));
            blocks.Add((info, string.Join('\n', lines[(i + 1)..end]) + "\n"));
            i = end;
        }

        return blocks;
    }

    [GeneratedRegex("\"(?<q>[^\"]*)\"|\\S+")]
    private static partial Regex ArgumentPattern();
}
