using System.Xml.Linq;
using Autograder.Grader.Release;
using Xunit.Abstractions;

namespace Autograder.Tests.Release;

/// <summary>
/// Proves each real kit (one slow test per assignment): as shipped, the check of every assigned
/// part fails and every provided part's check passes; with the regions filled from the reference,
/// every check passes. Each test builds its kit with `dotnet test` in a temporary folder.
/// </summary>
public sealed class ReleasedKitTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    public static TheoryData<string> Assignments()
    {
        var data = new TheoryData<string>();
        foreach (var profile in new KitRelease(RepositoryLayout.Find(AppContext.BaseDirectory)).Profiles)
        {
            data.Add(profile.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Assignments))]
    public void Kit_AsShippedFailsAssignedParts_AndSolvedPassesAll(string assignment)
    {
        var release = new KitRelease(RepositoryLayout.Find(AppContext.BaseDirectory));
        var dir = Directory.CreateTempSubdirectory("kit-" + assignment).FullName;
        try
        {
            var shipped = release.Build(assignment);
            shipped.WriteTo(dir);
            var manifest = KitManifest.FromJson(File.ReadAllText(Path.Combine(dir, KitManifest.FileName)));

            var outcomes = RunTests(dir, "shipped.trx");
            foreach (var check in manifest.Checks)
            {
                var classOutcomes = outcomes.Where(o => o.Class == check.TestClass).ToList();
                Assert.True(classOutcomes.Count > 0, $"{check.TestClass} did not run");
                if (check.Assigned)
                {
                    Assert.True(classOutcomes.Any(o => o.Outcome == "Failed"), $"{check.Part} is assigned but its check passes on the shipped kit");
                    Assert.All(classOutcomes.Where(o => o.Outcome == "Failed"), o => Assert.Contains("not implemented yet: TODO(", o.Message, StringComparison.Ordinal));
                }
                else
                {
                    Assert.All(classOutcomes, o => Assert.True(o.Outcome == "Passed", $"provided part {check.Part} fails on the shipped kit: {o.Message}"));
                }
            }

            CheckScoreAndPack(dir, manifest);

            foreach (var (path, contents) in release.Build(assignment, solved: true).Files.Where(f => f.Key.StartsWith(KitLayout.Library + "/", StringComparison.Ordinal)))
            {
                File.WriteAllBytes(Path.Combine(dir, path), contents);
            }

            var solved = RunTests(dir, "solved.trx");
            Assert.All(solved, o => Assert.True(o.Outcome == "Passed", $"{o.Class} fails on the solved kit: {o.Message}"));
            Assert.Equal(manifest.Checks.Select(c => c.TestClass).Order(), solved.Select(o => o.Class).Distinct().Order());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // The kit's CI scoring step on the shipped run's results, and its pack command.
    private void CheckScoreAndPack(string dir, KitManifest manifest)
    {
        var summary = Path.Combine(dir, "summary.md");
        var githubOutput = Path.Combine(dir, "github_output");
        var env = new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary, ["GITHUB_OUTPUT"] = githubOutput };
        var (code, output) = DotnetProcess.Run(dir, Timeout, env, "run", "--project", "tools/Kit", "--", "score", "TestResults/shipped.trx");
        log.WriteLine(output);
        Assert.True(code == 0, output);
        var provided = manifest.Checks.Where(c => !c.Assigned).Sum(c => c.Points);
        var total = $"Public score: {Number(provided)} / {Number(manifest.Checks.Sum(c => c.Points))}";
        Assert.Contains(total, output, StringComparison.Ordinal);
        Assert.Contains($"**{total}**", File.ReadAllText(summary), StringComparison.Ordinal);
        var first = manifest.Checks.First(c => c.Assigned);
        Assert.Contains($"| {first.Item} | `{first.Part}` | 0 / {Number(first.Points)} | not implemented yet: TODO(", File.ReadAllText(summary), StringComparison.Ordinal);

        var result = File.ReadAllText(githubOutput).Trim();
        Assert.StartsWith("result=", result, StringComparison.Ordinal);
        using var classroom = System.Text.Json.JsonDocument.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(result["result=".Length..])));
        var root = classroom.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("fail", root.GetProperty("status").GetString());
        Assert.Equal(manifest.Checks.Sum(c => c.Points), root.GetProperty("max_score").GetDouble());
        var tests = root.GetProperty("tests").EnumerateArray().ToList();
        Assert.Equal(manifest.Checks.Count, tests.Count);
        Assert.Equal(provided, tests.Sum(t => t.GetProperty("score").GetDouble()));
        Assert.All(tests, t => Assert.True(t.TryGetProperty("name", out _) && t.TryGetProperty("status", out _) && t.TryGetProperty("message", out _)));

        var (packCode, packOutput) = DotnetProcess.Run(dir, Timeout, null, "run", "--no-build", "--project", "tools/Kit", "--", "pack");
        Assert.True(packCode == 0, packOutput);
        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(dir, manifest.Submission));
        Assert.Equal(manifest.Files, zip.Entries.Select(e => e.FullName));
    }

    private static string Number(double value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private List<(string Class, string Outcome, string Message)> RunTests(string dir, string trx)
    {
        var (_, output) = DotnetProcess.Run(dir, Timeout, null, "test", "--logger", $"trx;LogFileName={trx}", "--results-directory", "TestResults");
        log.WriteLine(output);
        var path = Path.Combine(dir, "TestResults", trx);
        Assert.True(File.Exists(path), $"dotnet test wrote no results:\n{output}");
        var document = XDocument.Load(path);
        var ns = document.Root!.Name.Namespace;
        var classes = document.Descendants(ns + "UnitTest").ToDictionary(
            t => (string)t.Attribute("id")!, t => (string)t.Element(ns + "TestMethod")!.Attribute("className")!);
        return document.Descendants(ns + "UnitTestResult").Select(r => (
            classes[(string)r.Attribute("testId")!],
            (string)r.Attribute("outcome")!,
            r.Descendants(ns + "Message").FirstOrDefault()?.Value ?? "")).ToList();
    }
}
