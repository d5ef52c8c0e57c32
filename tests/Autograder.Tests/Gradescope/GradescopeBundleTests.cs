using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Autograder.Grader.Execution;
using Autograder.Grader.Gradescope;

namespace Autograder.Tests.Gradescope;

/// <summary>
/// The bundle end to end on a one-file course cut from the real reference (ReLU forward/backward):
/// build the zip, unpack it as Gradescope does under an emulated /autograder, run run_autograder and
/// check results.json. The grader binaries are this test run's own build (AUTOGRADER_CLI_DIR), so no
/// publish is needed here; `autograder gradescope` publishes them into the zip.
/// </summary>
public sealed class GradescopeBundleTests
{
    private const string Rubric = """
        assignment: relu-mini
        title: ReLU only (Gradescope bundle test)
        late_penalty:
          per_day: 0.25
          max: 0.5
        items:
          - id: "1"
            title: ReLU forward
            points: 2
            parts: [relu.forward]
            checks:
              - kind: forward
                type: NeuralNet.Layers.Relu
                input: [4, 6]
                include_zeros: true
          - id: "2"
            title: ReLU backward
            points: 3
            parts: [relu.backward]
            checks:
              - kind: backward
                type: NeuralNet.Layers.Relu
                input: [4, 6]
                include_zeros: true
        """;

    private const string Profile = """
        id: relu-mini
        title: ReLU only
        parts: [relu.forward, relu.backward]
        files: [Layers/Relu.cs]
        """;

    private static string MiniCourse()
    {
        var repo = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;
        var course = Directory.CreateTempSubdirectory("relu-course-").FullName;
        Directory.CreateDirectory(Path.Combine(course, "rubrics"));
        File.WriteAllText(Path.Combine(course, "rubrics", "relu-mini.rubric.yaml"), Rubric);
        File.WriteAllText(Path.Combine(course, "rubrics", "relu-mini.assignment.yaml"), Profile);
        var library = Path.Combine(repo, "reference", "NeuralNet");
        foreach (var file in Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            var to = Path.Combine(course, "reference", "NeuralNet", Path.GetRelativePath(library, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return course;
    }

    [Fact]
    public void Build_WithoutBinaries_HoldsScriptsRubricAndLibrarySources()
    {
        var zip = Path.Combine(Directory.CreateTempSubdirectory("bundle-").FullName, "autograder.zip");

        var entries = GradescopeBundle.Build(new BundleOptions(MiniCourse(), "relu-mini", zip) { IncludeBinaries = false });

        Assert.Equal(["setup.sh", "run_autograder"], entries.Take(2));
        Assert.Contains("course/rubrics/relu-mini.rubric.yaml", entries);
        Assert.Contains("course/rubrics/relu-mini.assignment.yaml", entries);
        Assert.Contains("course/reference/NeuralNet/Layers/Relu.cs", entries);
        using var archive = ZipFile.OpenRead(zip);
        var setup = new StreamReader(archive.GetEntry("setup.sh")!.Open()).ReadToEnd();
        Assert.Contains("dotnet-install.sh --channel 10.0", setup, StringComparison.Ordinal);
        Assert.Contains("bubblewrap", setup, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', setup);
        Assert.Equal(0b111_101_101, (archive.GetEntry("run_autograder")!.ExternalAttributes >> 16) & 0x1FF);
    }

    [Fact]
    public void RunAutograder_EmulatedGradescope_GradesTheSubmissionIntoSchemaValidResults()
    {
        var course = MiniCourse();
        var root = Directory.CreateTempSubdirectory("autograder-root-").FullName;
        var zip = Path.Combine(root, "autograder.zip");
        GradescopeBundle.Build(new BundleOptions(course, "relu-mini", zip) { IncludeBinaries = false });
        ZipFile.ExtractToDirectory(zip, Path.Combine(root, "source"));
        File.Copy(Path.Combine(root, "source", "run_autograder"), Path.Combine(root, "run_autograder"));   // as Gradescope does
        Directory.CreateDirectory(Path.Combine(root, "submission", "src"));
        File.Copy(Path.Combine(course, "reference", "NeuralNet", "Layers", "Relu.cs"), Path.Combine(root, "submission", "src", "Relu.cs"));
        File.WriteAllText(Path.Combine(root, SubmissionMetadata.FileName),
            """{"created_at": "2026-03-02T10:00:00+00:00", "assignment": {"due_date": "2026-03-01T12:00:00+00:00", "late_due_date": null}}""");

        var output = RunScript(Path.Combine(root, "run_autograder"), root, AppContext.BaseDirectory);

        var json = File.ReadAllText(Path.Combine(root, "results", "results.json"));
        Assert.True(GradescopeSchema.Errors(json).Count == 0, string.Join("\n", GradescopeSchema.Errors(json)) + "\n" + output);
        var results = JsonNode.Parse(json)!;
        Assert.True(results["score"]!.GetValue<double>() == 3.75, json + "\n" + output);   // 5 points, 22 h late: one day at 25 %
        Assert.Equal(["passed", "passed"], results["tests"]!.AsArray().Select(t => t!["status"]!.GetValue<string>()));
    }

    /// <summary>Runs run_autograder as Gradescope does, under the emulated <paramref name="root"/>.</summary>
    /// <param name="script">the copied run_autograder</param>
    /// <param name="root">the emulated /autograder</param>
    /// <param name="binaries">a build that replaces the bundle's bin/cli and bin/worker, or null for the bundle's own</param>
    /// <returns>its output</returns>
    internal static string RunScript(string script, string root, string? binaries)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.Environment["AUTOGRADER_GRADESCOPE_ROOT"] = root;
        if (binaries is not null)
        {
            info.Environment["AUTOGRADER_CLI_DIR"] = binaries;
            info.Environment["AUTOGRADER_WORKER_DIR"] = binaries;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "run_autograder did not finish within 5 minutes");
        Assert.Equal(0, process.ExitCode);
        return stdout.Result + stderr.Result;
    }
}
