using System.Text.RegularExpressions;
using Autograder.Grader.Batch;
using Autograder.Grader.Reports.Class;

namespace Autograder.Tests.Batch;

public sealed partial class HtmlReportTests
{
    private static readonly BatchClass Class = BatchClass.Instance;

    [GeneratedRegex("<tr data-student=\"([^\"]+)\"")]
    private static partial Regex StudentRow();

    private static string WriteReport()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("report-").FullName, "report.html");
        File.WriteAllText(path, HtmlReport.Write(Class.Output, path));
        return path;
    }

    [Fact]
    public void Write_Page_IsSelfContainedWithRelativeFeedbackLinks()
    {
        var path = WriteReport();
        var html = File.ReadAllText(path);

        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.Contains("src=\"data:image/png;base64,iVBOR", html, StringComparison.Ordinal);
        var relative = Path.GetRelativePath(Path.GetDirectoryName(path)!, Class.Output).Replace('\\', '/');
        Assert.Contains($"href=\"{relative}/alice/feedback.md\"", html, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(path)!, relative, "alice", "feedback.md")));
    }

    [SkippableFact]
    public void Chromium_SortByScoreDescending_RunsTheScriptAndReordersTheGradebook()
    {
        Skip.If(Chromium.Path is null, "chromium is not installed (apt-get install chromium; .ci/run does): the HTML report was not rendered in a browser");
        var path = WriteReport();

        var dom = Chromium.Run(new Uri(path).AbsoluteUri + "?sort=score&dir=desc", "--dump-dom");

        Assert.Contains("data-ready=\"1\"", dom, StringComparison.Ordinal);
        Assert.Contains("data-key=\"score\" data-dir=\"desc\"", dom, StringComparison.Ordinal);
        var order = StudentRow().Matches(dom).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(BatchClass.Students.Length, order.Count);
        Assert.Equal(["alice", "bob"], order.Take(2).Order(StringComparer.Ordinal));   // the two full marks first
        var scores = BatchClass.Rows(Class.Output);
        Assert.Equal(order.Select(s => double.Parse(scores[s][1], System.Globalization.CultureInfo.InvariantCulture)).OrderDescending(),
            order.Select(s => double.Parse(scores[s][1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("<table id=\"items\">", dom, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Chromium_Screenshot_IsAPng()
    {
        Skip.If(Chromium.Path is null, "chromium is not installed (apt-get install chromium; .ci/run does): the HTML report was not rendered in a browser");
        var path = WriteReport();
        var png = Path.Combine(Path.GetDirectoryName(path)!, "report.png");

        Chromium.Run(new Uri(path).AbsoluteUri, $"--screenshot={png}", "--window-size=1280,1600");

        var bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        Assert.True(bytes.Length > 20_000, $"the screenshot is only {bytes.Length} bytes: the page probably did not render");
    }
}
