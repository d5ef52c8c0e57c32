using System.Diagnostics;
using Autograder.Grader.Release;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Autograder.Tests.Release;

/// <summary>
/// The kit's CI workflow (<c>.github/workflows/grade.yml</c>), run as GitHub would run its steps: the shell of
/// the "Public tests" and "Score" steps, with GITHUB_STEP_SUMMARY and GITHUB_OUTPUT set, on a kit whose student
/// file does not compile and on the solved kit. Both must give a score and a valid Classroom result.
/// </summary>
[Trait("Category", "Slow")]
public sealed class KitWorkflowTests(ITestOutputHelper log)
{
    private const string Assignment = "hw5-neuralnet-cli";

    [Fact]
    public void Workflow_CompileErrorGivesZeroWithTheCompilerMessages_AndTheSolvedKitItsFullScore()
    {
        var release = new KitRelease(RepositoryLayout.Find(AppContext.BaseDirectory));
        var dir = Directory.CreateTempSubdirectory("kit-workflow-").FullName;
        try
        {
            release.Build(Assignment, solved: true).WriteTo(dir);
            var manifest = KitManifest.FromJson(File.ReadAllText(Path.Combine(dir, KitManifest.FileName)));
            var own = manifest.Checks.Where(c => c.Assigned && !c.Bonus).ToList();

            var broken = Path.Combine(dir, KitLayout.Library, manifest.Files[0]);
            var solvedText = File.ReadAllText(broken);
            File.AppendAllText(broken, "\nthis is not C#\n");
            var (summary, classroom) = RunWorkflow(dir);
            Assert.Contains("### Compiler errors", summary, StringComparison.Ordinal);
            Assert.Contains("error CS", summary, StringComparison.Ordinal);
            Assert.Contains($"**Public score: 0 / {Number(own.Sum(c => c.Points))}", summary, StringComparison.Ordinal);
            Assert.Equal("fail", classroom.GetProperty("status").GetString());
            Assert.Equal(own.Sum(c => c.Points), classroom.GetProperty("max_score").GetDouble());
            Assert.All(classroom.GetProperty("tests").EnumerateArray(), t => Assert.StartsWith("the kit does not compile: ", t.GetProperty("message").GetString(), StringComparison.Ordinal));

            File.WriteAllText(broken, solvedText);
            Directory.Delete(Path.Combine(dir, "TestResults"), recursive: true);
            (summary, classroom) = RunWorkflow(dir);
            Assert.Contains($"**Public score: {Number(own.Sum(c => c.Points))} / {Number(own.Sum(c => c.Points))}", summary, StringComparison.Ordinal);
            Assert.Equal("pass", classroom.GetProperty("status").GetString());
            foreach (var test in classroom.GetProperty("tests").EnumerateArray())
            {
                // Each Classroom entry's command runs a real test class.
                var code = test.GetProperty("test_code").GetString()!;
                Assert.StartsWith("dotnet test --filter FullyQualifiedName~PublicTests.Checks.", code, StringComparison.Ordinal);
                Assert.Contains(manifest.Checks, c => code.EndsWith("~" + c.TestClass, StringComparison.Ordinal));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private (string Summary, System.Text.Json.JsonElement Classroom) RunWorkflow(string dir)
    {
        var summary = Path.Combine(dir, "step-summary.md");
        var output = Path.Combine(dir, "step-output");
        File.WriteAllText(summary, "");
        File.WriteAllText(output, "");
        foreach (var script in Steps(Path.Combine(dir, ".github", "workflows", "grade.yml"), "Public tests", "Score"))
        {
            var info = new ProcessStartInfo("bash", ["-e", "-c", script]) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
            info.Environment["GITHUB_STEP_SUMMARY"] = summary;
            info.Environment["GITHUB_OUTPUT"] = output;
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(8)), "a workflow step did not finish");
            log.WriteLine(stdout.Result + stderr.Result);
            Assert.True(process.ExitCode == 0, $"the step failed:\n{script}\n{stdout.Result}{stderr.Result}");
        }

        var result = File.ReadAllLines(output).Single(l => l.StartsWith("result=", StringComparison.Ordinal))["result=".Length..];
        using var json = System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(result));
        return (File.ReadAllText(summary), json.RootElement.Clone());
    }

    /// <summary>The <c>run:</c> scripts of the named steps of the workflow's only job, in order.</summary>
    private static List<string> Steps(string workflow, params string[] names)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(workflow))
        {
            yaml.Load(reader);
        }

        var jobs = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["jobs"];
        var steps = (YamlSequenceNode)((YamlMappingNode)jobs.Children.Single().Value)["steps"];
        var found = steps.OfType<YamlMappingNode>()
            .Where(s => s.Children.ContainsKey("name") && names.Contains(((YamlScalarNode)s["name"]).Value))
            .Select(s => ((YamlScalarNode)s["run"]).Value!)
            .ToList();
        Assert.Equal(names.Length, found.Count);
        return found;
    }

    private static string Number(double value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
