using Autograder.Cli;
using Autograder.Cli.Manual;
using Autograder.Grader.Batch;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Reports.Class;
using PuppeteerSharp;

namespace Autograder.Tests.Batch;

/// <summary>
/// Manual items graded as an instructor would: a real Homework 3 batch of two students, then the scores entered on
/// the manual-grading page in headless Chromium (and, separately, imported from a CSV through the CLI). The gradebook,
/// the summary and each student's feedback include them; an item not graded yet is pending, not 0.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ManualGradingTests : IClassFixture<ManualGradingTests.Hw3Batch>
{
    private readonly Hw3Batch _batch;

    public ManualGradingTests(Hw3Batch batch) => _batch = batch;

    [Fact]
    public void Import_ValidCsv_FillsTheGradebookFeedbackAndSummary_AndLeavesTheRestPending()
    {
        var output = BatchClass.CopyOf(_batch.Output);
        var csv = Path.Combine(output, "..", $"grades-{Guid.NewGuid():N}.csv");
        File.WriteAllText(csv, "student,item,points,comment\nalice,3.3-ii,2,\"clear axes, labelled\"\nalice,3.2-i,1.5,\n");

        var code = ManualCommand.Create().Parse(["import", csv, output]).Invoke();

        Assert.Equal(0, code);
        var rows = File.ReadAllLines(Path.Combine(output, Gradebook.FileName));
        var header = rows[0].Split(',');
        var alice = Cells(rows.Single(r => r.StartsWith("alice,", StringComparison.Ordinal)));
        var bob = Cells(rows.Single(r => r.StartsWith("bob,", StringComparison.Ordinal)));
        Assert.Equal("2", alice[Array.IndexOf(header, "3.3-ii")]);
        Assert.Equal("pending", alice[Array.IndexOf(header, "3.2")]);
        Assert.Equal("3.5", alice[Array.IndexOf(header, "manual")]);
        Assert.Equal("pending", bob[Array.IndexOf(header, "3.3-ii")]);
        Assert.Contains("| 3.3-ii | Trend of training and test accuracy after the early-stopped point | 2 / 2 | clear axes, labelled |", File.ReadAllText(Path.Combine(output, "alice", StudentRecord.FeedbackFile)), StringComparison.Ordinal);
        Assert.Contains("| manual | graded 1, pending 1 |", File.ReadAllText(Path.Combine(output, SummaryWriter.FileName)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("student,item,points\nalice,3.3-ii,3\n", "line 2: points of alice on 3.3-ii: expected a number from 0 to 2, found '3'")]
    [InlineData("student,item,points\ncarol,3.3-ii,1\n", "line 2: student 'carol' is not in this batch")]
    [InlineData("student,item,points\nalice,3.1.1,1\n", "line 2: '3.1.1' is not a manual item of hw3-fashion-mlp")]
    [InlineData("name,score\n", "line 1: expected the header student,item,points,comment,updated_at")]
    public void Import_BadRow_IsRefusedNamingTheRow_AndNothingIsWritten(string csvText, string expected)
    {
        var output = BatchClass.CopyOf(_batch.Output);
        var csv = Path.Combine(output, "..", $"bad-{Guid.NewGuid():N}.csv");
        File.WriteAllText(csv, csvText);
        var error = new StringWriter();
        var before = Console.Error;
        Console.SetError(error);
        int code;
        try
        {
            code = ManualCommand.Create().Parse(["import", csv, output]).Invoke();
        }
        finally
        {
            Console.SetError(before);
        }

        Assert.Equal(2, code);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, ManualGrades.FileName)));
    }

    [SkippableFact]
    public async Task Page_InChromium_ShowsTheArtifacts_SavesAScoreWithEnter_AndRefusesOneOverTheMaximum()
    {
        Skip.If(Chromium.Path is null, "no chromium at /usr/bin/chromium (apt-get install chromium; .ci/run installs it)");
        var output = BatchClass.CopyOf(_batch.Output);
        var session = new ManualSession(output, _batch.Submissions, "3.3-ii");
        await using var server = await ManualServer.StartAsync(session);
        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = Chromium.Path,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        await using var page = await browser.NewPageAsync();

        await page.GoToAsync(server.Url);
        await page.WaitForFunctionAsync("() => document.getElementById('progress').textContent === '0 of 2 graded'");
        Assert.Equal("alice", await page.EvaluateExpressionAsync<string>("document.getElementById('student').textContent"));
        // The run log is drawn as learning curves.
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#artifacts img')].some(i => i.alt === 'MLP_lr0.01_b5.json' && i.complete && i.naturalWidth > 0)");

        await page.TypeAsync("#points", "5");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.getElementById('error').textContent.includes('expected a number from 0 to 2')");
        Assert.False(File.Exists(Path.Combine(output, ManualGrades.FileName)));

        await page.EvaluateExpressionAsync("document.getElementById('points').value = ''");
        await page.TypeAsync("#points", "1.5");
        await page.TypeAsync("#comment", "legend covers the curves");
        await page.FocusAsync("#points");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.getElementById('progress').textContent === '1 of 2 graded' && document.getElementById('student').textContent === 'bob'");

        var saved = File.ReadAllText(Path.Combine(output, ManualGrades.FileName));
        Assert.Contains("alice,3.3-ii,1.5,legend covers the curves,", saved, StringComparison.Ordinal);
        Assert.Contains("1.5 / 2 | legend covers the curves", File.ReadAllText(Path.Combine(output, "alice", StudentRecord.FeedbackFile)), StringComparison.Ordinal);
        using var anonymous = new HttpClient();
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await anonymous.GetAsync(server.Url.Split('?')[0] + "api/state")).StatusCode);
    }

    [Fact]
    public void ExportCanvas_WithRosterAndManualGrades_WritesCanvasColumnsAndReportsUnmatchedNames()
    {
        var output = BatchClass.CopyOf(_batch.Output);
        var grades = Path.Combine(output, "..", $"grades-{Guid.NewGuid():N}.csv");
        File.WriteAllText(grades, "student,item,points\nalice,3.3-ii,2\n");
        Assert.Equal(0, ManualCommand.Create().Parse(["import", grades, output]).Invoke());
        var roster = Path.Combine(output, "..", $"roster-{Guid.NewGuid():N}.csv");
        File.WriteAllText(roster, "student,name,id,sis_user_id,sis_login_id,section\nalice,\"Liddell, Alice\",101,S101,alice@uni,Mon\ncarol,Carol,103,S103,carol@uni,Tue\n");
        var csv = Path.Combine(output, "canvas.csv");
        var stdout = new StringWriter();
        var before = Console.Out;
        Console.SetOut(stdout);
        try
        {
            Assert.Equal(0, ExportCommand.Create().Parse([output, "--format", "canvas", "--roster", roster, "-o", csv]).Invoke());
        }
        finally
        {
            Console.SetOut(before);
        }

        var lines = File.ReadAllLines(csv);
        Assert.Equal("Student,ID,SIS User ID,SIS Login ID,Section,Homework 3: Fashion-MNIST MLP (hw3-fashion-mlp)", lines[0]);
        Assert.Equal("Points Possible,,,,,50", lines[1]);
        var alice = _batch.AliceScore + 2;
        Assert.Equal($"\"Liddell, Alice\",101,S101,alice@uni,Mon,{alice.ToString(System.Globalization.CultureInfo.InvariantCulture)}", lines[2]);
        Assert.StartsWith("bob,,,bob,,", lines[3], StringComparison.Ordinal);
        Assert.Contains("bob has a submission but no roster row", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("carol is on the roster but has no submission", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_SameStudentAndItem_KeepsTheLaterEntryWhicheverSideItComesFrom()
    {
        var manifest = BatchManifest.Read(_batch.Output);
        const string header = "student,item,points,comment,updated_at\n";
        var early = ManualGrades.Parse(header + "alice,3.2,2,first look,2026-12-01T10:00:00Z\n", "early.csv", manifest);
        var late = ManualGrades.Parse(header + "alice,3.2,4,after the regrade request,2026-12-02T10:00:00Z\nbob,3.2,3,,2026-12-01T09:00:00Z\n", "late.csv", manifest);

        Assert.Equal(4, early.Merge(late).Get("alice", "3.2")!.Points);
        Assert.Equal(4, late.Merge(early).Get("alice", "3.2")!.Points);
        Assert.Equal(3, early.Merge(late).Get("bob", "3.2")!.Points);
    }

    private static string[] Cells(string row) => Autograder.Grader.Batch.Csv.Read(row)[0].ToArray();

    /// <summary>alice (PassesAll) and bob (FailsReluBackwardAtZero) of Homework 3, graded once for the class.</summary>
    public sealed class Hw3Batch
    {
        public Hw3Batch()
        {
            var root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;
            Submissions = Directory.CreateTempSubdirectory("manual-class-").FullName;
            Autograder.Tests.Security.GeneratedSubmissions.Copy(Autograder.Tests.Grader.Golden.Goldens.Case("hw3-fashion-mlp", "PassesAll"), Path.Combine(Submissions, "alice"));
            Autograder.Tests.Security.GeneratedSubmissions.Copy(Autograder.Tests.Grader.Golden.Goldens.Case("hw3-fashion-mlp", "FailsReluBackwardAtZero"), Path.Combine(Submissions, "bob"));
            Output = Directory.CreateTempSubdirectory("manual-out-").FullName;
            var run = BatchRunner.Run(new BatchOptions(Submissions, Output, new GradeRequest("", "hw3-fashion-mlp", root) { AllowUnsandboxed = true, Seed = 3 }) { Jobs = 2 });
            AliceScore = run.Records.Single(r => r.Student == "alice").Result!.Score;
        }

        /// <summary>alice's automatic score with the bonus (what the export adds the manual points to).</summary>
        public double AliceScore { get; }

        public string Submissions { get; }

        public string Output { get; }
    }
}
