using System.Xml.Linq;
using Autograder.Grader.Release;
using Xunit.Abstractions;

namespace Autograder.Tests.Release;

/// <summary>
/// The student's journey through each real kit (one slow test per assignment), run the way a student runs
/// it, from a released kit in a temporary folder: as shipped, the check of every assigned part fails and
/// every provided part's check passes, and pack refuses while a graded log is missing; with the regions
/// filled from the reference every check passes; the graded training runs go through the kit's own run
/// tool (a --quick run lands in runs/quick/ and pack still refuses; a full run, or for the long runs the
/// committed reference log copied where the tool writes it, satisfies it); pack's zip holds exactly the
/// files the grader reads, and the grader's CLI gives it full marks.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ReleasedKitTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    public static TheoryData<string> Assignments()
    {
        var data = new TheoryData<string>();
        foreach (var profile in new KitRelease(RepositoryLayout.Find(AppContext.BaseDirectory)).CodeProfiles)
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

            var outcomes = RunTests(dir, "shipped.trx", out var shippedOutput);
            // While checks fail, `dotnet test` ends with the points table (the kit's PointsReporter, shown as the test
            // program's standard output); the shipped kit scores 0.
            Assert.Contains("points of the public checks", shippedOutput, StringComparison.Ordinal);
            Assert.Contains(ShippedTotal(manifest), shippedOutput, StringComparison.Ordinal);
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

            var solved = RunTests(dir, "solved.trx", out _);
            Assert.All(solved, o => Assert.True(o.Outcome == "Passed", $"{o.Class} fails on the solved kit: {o.Message}"));
            Assert.Equal(manifest.Checks.Select(c => c.TestClass).Order(), solved.Select(o => o.Class).Distinct().Order());

            ProduceLogs(dir, manifest, assignment);
            var (packCode, packOutput) = DotnetProcess.Run(dir, Timeout, null, "run", "--no-build", "--project", "tools/Kit", "--", "pack");
            log.WriteLine(packOutput);
            Assert.True(packCode == 0, packOutput);
            using (var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(dir, manifest.Submission)))
            {
                Assert.Equal(manifest.Files.Concat(manifest.Logs.Select(l => l.File)), zip.Entries.Select(e => e.FullName));
            }

            GradeWithTheCli(Path.Combine(dir, manifest.Submission), assignment);
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
        // The table mirrors the grader: only the student's parts, in kit.json's order, bonus parts as bonus.
        var own = manifest.Checks.Where(c => c.Assigned && !c.Bonus).ToList();
        var bonus = manifest.Checks.Where(c => c.Assigned && c.Bonus).ToList();
        var total = ShippedTotal(manifest);
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
        Assert.Equal(own.Sum(c => c.Points), root.GetProperty("max_score").GetDouble());
        var tests = root.GetProperty("tests").EnumerateArray().ToList();
        Assert.Equal(own.Count + bonus.Count, tests.Count);
        Assert.Equal(0, tests.Sum(t => t.GetProperty("score").GetDouble()));
        Assert.DoesNotContain(manifest.Checks.Where(c => !c.Assigned), c => File.ReadAllText(summary).Contains($"`{c.Part}`", StringComparison.Ordinal));
        Assert.All(tests, t => Assert.True(t.TryGetProperty("name", out _) && t.TryGetProperty("status", out _) && t.TryGetProperty("message", out _)));

        var (packCode, packOutput) = DotnetProcess.Run(dir, Timeout, null, "run", "--no-build", "--project", "tools/Kit", "--", "pack");
        if (manifest.Logs.Count > 0)
        {
            // No run yet: pack refuses, naming each graded log and the command that writes it.
            Assert.True(packCode == 1, packOutput);
            Assert.All(manifest.Logs.Where(l => !l.Bonus), l => Assert.Contains($"pack: {l.Path} is missing; run `{l.Command}` (without --quick) to write it", packOutput, StringComparison.Ordinal));
            // Files only bonus items grade (HW3 Problem 4's runs) are optional: named, never a reason to refuse.
            Assert.All(manifest.Logs.Where(l => l.Bonus), l => Assert.Contains($"pack: {l.Path} is missing (bonus: packing without it; `{l.Command}` writes it)", packOutput, StringComparison.Ordinal));
            Assert.False(File.Exists(Path.Combine(dir, manifest.Submission)));
            (packCode, packOutput) = DotnetProcess.Run(dir, Timeout, null, "run", "--no-build", "--project", "tools/Kit", "--", "pack", "--force");
            Assert.Contains("will lose their points", packOutput, StringComparison.Ordinal);
        }

        Assert.True(packCode == 0, packOutput);
        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(dir, manifest.Submission));
        Assert.Equal(manifest.Files, zip.Entries.Select(e => e.FullName));
    }

    /// <summary>Logs short enough to train for real in a test; the others (30-epoch CNNs) take minutes and come from the committed reference runs.</summary>
    private static readonly HashSet<string> TrainedForReal = ["MLP_lr0.01_b5.json"];

    private void ProduceLogs(string dir, KitManifest manifest, string assignment)
    {
        foreach (var graded in manifest.Logs)
        {
            if (graded.File.EndsWith(".png", StringComparison.Ordinal))
            {
                // A graded plot: the kit's own plot command, as the README gives it, on the logs produced above.
                var (plotCode, plotOutput) = DotnetProcess.Run(dir, Timeout, null, [.. graded.Command.Split(' ').Skip(1)]);
                log.WriteLine(plotOutput);
                Assert.True(plotCode == 0, plotOutput);
                continue;
            }

            var config = graded.Command[(graded.Command.LastIndexOf(' ') + 1)..];
            if (!TrainedForReal.Contains(graded.File))
            {
                // The committed real runs: the full-marks example's logs, else the reference's results folder.
                var root = RepositoryLayout.Find(AppContext.BaseDirectory).Root;
                var places = new[] { Path.Combine(root, "tests", "Golden", assignment, "PassesAll", graded.File), Path.Combine(root, "reference", "experiments", assignment, "results", graded.File) };
                var committed = places.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException($"{graded.File}: no committed run in {string.Join(" or ", places)}");
                Directory.CreateDirectory(Path.Combine(dir, "runs"));
                File.Copy(committed, Path.Combine(dir, graded.Path));
                continue;
            }

            // A smoke run first: it must not count as the graded log.
            var (quickCode, quickOutput) = DotnetProcess.Run(dir, Timeout, null, "run", "--project", "tools/Run", "--", "train", config, "--quick");
            log.WriteLine(quickOutput);
            Assert.True(quickCode == 0, quickOutput);
            Assert.True(File.Exists(Path.Combine(dir, "runs", "quick", graded.File)), quickOutput);
            AssertTrainsWithTrainingRuntimeSettings(dir);
            Assert.False(File.Exists(Path.Combine(dir, graded.Path)), "a --quick run wrote the graded log's path");
            var (packCode, packOutput) = DotnetProcess.Run(dir, Timeout, null, "run", "--no-build", "--project", "tools/Kit", "--", "pack");
            Assert.True(packCode == 1, packOutput);

            var (code, output) = DotnetProcess.Run(dir, Timeout, null, "run", "--project", "tools/Run", "--", "train", config);
            log.WriteLine(output);
            Assert.True(code == 0, output);
        }
    }

    /// <summary>
    /// The kit's tools/Run, as `dotnet run` built it, runs with the kit's copy of TrainingGc.props: tier-up call counting
    /// from the start (a faster first epoch) and, where the runtime ships it, the segments GC with a large gen0.
    /// </summary>
    private static void AssertTrainsWithTrainingRuntimeSettings(string dir)
    {
        var config = Directory.EnumerateFiles(Path.Combine(dir, "tools", "Run", "bin"), "Run.runtimeconfig.json", SearchOption.AllDirectories).Single();
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(config));
        var properties = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.Equal(0, properties.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32());
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
        if (properties.TryGetProperty("System.GC.Name", out _))
        {
            Assert.Equal(268435456, properties.GetProperty("System.GC.Gen0MaxBudget").GetInt64());
        }
    }

    /// <summary>`autograder grade` on the packed zip: every automatic item passes.</summary>
    private void GradeWithTheCli(string zip, string assignment)
    {
        var root = RepositoryLayout.Find(AppContext.BaseDirectory).Root;
        var result = Path.Combine(Path.GetDirectoryName(zip)!, "result.json");
        var code = Autograder.Cli.GradeCommand.Create().Parse([zip, "--assignment", assignment, "--course-root", root, "--result", result, "--out", result + ".txt", "--no-sandbox"]).Invoke();
        log.WriteLine(File.ReadAllText(result + ".txt"));
        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(result));
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, i => Assert.True(i.GetProperty("status").GetString() == "passed", $"{i.GetProperty("id").GetString()}: {i}"));
        Assert.True(json.RootElement.GetProperty("score").GetDouble() >= json.RootElement.GetProperty("max_score").GetDouble(), File.ReadAllText(result + ".txt"));
    }

    /// <summary>The table's last line for a kit whose assigned parts are all stubs.</summary>
    private static string ShippedTotal(KitManifest manifest)
    {
        var own = manifest.Checks.Where(c => c.Assigned && !c.Bonus).ToList();
        var bonus = manifest.Checks.Where(c => c.Assigned && c.Bonus).ToList();
        return $"Public score: 0 / {Number(own.Sum(c => c.Points))}{(bonus.Count > 0 ? $" (+0 bonus of {Number(bonus.Sum(c => c.BonusPoints))})" : "")}";
    }

    private static string Number(double value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private List<(string Class, string Outcome, string Message)> RunTests(string dir, string trx, out string output)
    {
        // As the kit's CI step runs it: xunit v3 on Microsoft.Testing.Platform writes the TRX file itself.
        (_, output) = DotnetProcess.Run(dir, Timeout, null, "test", "--report-xunit-trx", "--report-xunit-trx-filename", trx, "--results-directory", "TestResults");
        log.WriteLine(output);
        var path = Path.Combine(dir, "TestResults", trx);
        Assert.True(File.Exists(path), $"dotnet test wrote no results:\n{output}");
        // A student cannot act on a compiler warning about a stub's unassigned field: the kit builds without any.
        Assert.DoesNotMatch(@": warning [A-Z]+\d+:", output);
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
