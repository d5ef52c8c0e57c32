using System.Globalization;
using System.Net;
using System.Text;
using Autograder.Grader.Batch;

namespace Autograder.Grader.Reports.Class;

/// <summary>
/// <c>autograder report DIR -o report.html</c>: one self-contained page (inline CSS, script and the
/// histogram as a PNG data URI) with the class statistics, a sortable and filterable gradebook, the
/// item analysis and links to each student's feedback.md (relative to where the page is written).
/// </summary>
public static class HtmlReport
{
    /// <param name="outputFolder">a batch output folder</param>
    /// <param name="reportPath">where the page will be written (for the relative feedback links)</param>
    public static string Write(string outputFolder, string reportPath)
    {
        var manifest = BatchManifest.Read(outputFolder);
        var records = manifest.Students.Select(s => StudentRecord.Load(outputFolder, s)).ToList();
        var scores = records.Where(r => r.Result is not null).Select(r => r.Result!.CoreScore).ToList();
        var png = ScoreHistogram.Png(scores, manifest.MaxScore, $"{manifest.Assignment}: scores of {scores.Count} submissions");
        var links = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(reportPath))!, Path.GetFullPath(outputFolder)).Replace('\\', '/');
        return Render(manifest, records, png, links == "." ? "" : links + "/", ManualGrades.Load(outputFolder, manifest));
    }

    public static string Render(BatchManifest manifest, IReadOnlyList<StudentRecord> records, byte[] histogramPng, string linkPrefix, ManualGrades? manual = null)
    {
        var stats = ScoreStats.Of(records.Where(r => r.Result is not null).Select(r => r.Result!.CoreScore).ToList());
        var s = new StringBuilder();
        s.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>{E(manifest.Assignment)}: class report</title>\n")
            .Append("<style>\n").Append(HtmlAssets.Css).Append("\n</style>\n</head>\n<body>\n");
        s.Append(CultureInfo.InvariantCulture, $"<header><h1>{E(manifest.Assignment)}: class report</h1><p>{E(manifest.Title)}</p></header>\n<main>\n");

        s.Append("<section id=\"overview\"><h2>Overview</h2><div class=\"stats\">\n");
        Stat(s, "submissions", records.Count.ToString(CultureInfo.InvariantCulture));
        Stat(s, $"mean / {N(manifest.MaxScore)}{(manifest.BonusMax > 0 ? $" (+{N(manifest.BonusMax)} bonus)" : "")}", N(stats.Mean));
        Stat(s, "median", N(stats.Median));
        Stat(s, "std", N(stats.StdDev));
        Stat(s, "min – max", $"{N(stats.Min)} – {N(stats.Max)}");
        Stat(s, "need a look", records.Count(r => StudentStatus.IsBroken(r.Status)).ToString(CultureInfo.InvariantCulture));
        s.Append("</div>\n<p>").Append(E(SummaryWriter.StatusList(records))).Append("</p>\n");
        s.Append("<img class=\"histogram\" id=\"histogram\" alt=\"score histogram\" width=\"800\" height=\"400\" src=\"data:image/png;base64,")
            .Append(Convert.ToBase64String(histogramPng)).Append("\">\n</section>\n");

        Gradebook(s, manifest, records, linkPrefix);
        Items(s, manifest, records, manual);
        s.Append("</main>\n<script>\n").Append(HtmlAssets.Script).Append("\n</script>\n</body>\n</html>\n");
        return s.ToString();
    }

    private static void Gradebook(StringBuilder s, BatchManifest manifest, IReadOnlyList<StudentRecord> records, string linkPrefix)
    {
        s.Append("<section><h2>Gradebook</h2>\n<input id=\"filter\" type=\"search\" placeholder=\"filter rows\" aria-label=\"filter rows\">\n<div class=\"scroll\"><table id=\"gradebook\">\n<thead><tr>")
            .Append("<th data-key=\"student\">student</th><th class=\"num\" data-key=\"score\">score</th>");
        foreach (var item in manifest.Items)
        {
            s.Append(CultureInfo.InvariantCulture, $"<th class=\"num\" data-key=\"item-{E(item.Id)}\" title=\"{E(item.Title)} ({N(item.Points)} points)\">{E(item.Id)}<br><small>{E(Short(item.Title))}</small></th>");
        }

        s.Append("<th class=\"num\" data-key=\"late\">late days</th><th data-key=\"status\">status</th></tr></thead>\n<tbody>\n");
        foreach (var r in records.OrderBy(r => r.Student, StringComparer.Ordinal))
        {
            var items = r.Result?.Items.ToDictionary(i => i.Id, StringComparer.Ordinal) ?? [];
            var href = $"{linkPrefix}{Uri.EscapeDataString(r.Student)}/{StudentRecord.FeedbackFile}";
            s.Append(CultureInfo.InvariantCulture, $"<tr data-student=\"{E(r.Student)}\"><td><a href=\"{E(href)}\">{E(r.Student)}</a></td>");
            s.Append(CultureInfo.InvariantCulture, $"<td class=\"num\" data-value=\"{(r.Result is null ? "" : N(r.Result.Score))}\">{(r.Result is null ? "–" : N(r.Result.Score))}</td>");
            foreach (var item in manifest.Items)
            {
                var found = items.TryGetValue(item.Id, out var ir);
                var status = found ? StudentStatus.Name(ir!.Status) : "";
                s.Append(CultureInfo.InvariantCulture, $"<td class=\"num\" data-value=\"{(found ? N(ir!.Points) : "")}\" title=\"{E(status)}\">{(found ? N(ir!.Points) : "–")}</td>");
            }

            s.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{r.LateDays}</td><td><span class=\"status {Class(r.Status)}\">{E(r.Status)}</span></td></tr>\n");
        }

        s.Append("</tbody></table></div></section>\n");
    }

    private static void Items(StringBuilder s, BatchManifest manifest, IReadOnlyList<StudentRecord> records, ManualGrades? manual)
    {
        var analysis = ItemAnalysis.Compute(manifest, records, manual: manual);
        s.Append("<section><h2>Item analysis</h2>\n<table id=\"items\">\n<thead><tr><th>item</th><th>title</th><th class=\"num\">points</th><th class=\"num\">mean</th><th>pass rate</th><th>statuses</th></tr></thead>\n<tbody>\n");
        foreach (var a in analysis)
        {
            var rate = SummaryWriter.Percent(a.PassRate);
            s.Append(CultureInfo.InvariantCulture, $"<tr data-item=\"{E(a.Item.Id)}\"><td>{E(a.Item.Id)}</td><td>{E(a.Item.Title)}</td><td class=\"num\">{N(a.Item.Points)}</td><td class=\"num\">{N(a.MeanPoints)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td><span class=\"bar\"><i style=\"width:{(double.IsNaN(a.PassRate) ? 0 : a.PassRate * 100).ToString("0.#", CultureInfo.InvariantCulture)}%\"></i></span> <span class=\"rate\">{rate}</span></td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{E(string.Join(", ", a.StatusCounts.Select(p => $"{p.Key} {p.Value}")))}</td></tr>\n");
            if (a.TopFailures.Count > 0)
            {
                s.Append("<tr class=\"failures\"><td></td><td colspan=\"5\"><ul class=\"failures\">");
                foreach (var (message, count) in a.TopFailures)
                {
                    s.Append(CultureInfo.InvariantCulture, $"<li>{count} × <code>{E(message)}</code></li>");
                }

                s.Append("</ul></td></tr>\n");
            }
        }

        s.Append("</tbody></table></section>\n");
    }

    private static void Stat(StringBuilder s, string label, string value) =>
        s.Append(CultureInfo.InvariantCulture, $"<div class=\"stat\"><b>{E(value)}</b><span>{E(label)}</span></div>\n");

    private static string Class(string status) =>
        status is StudentStatus.Passed or "failed" or "not_implemented" ? status : StudentStatus.IsBroken(status) ? "broken" : "";

    private static string Short(string title) => title.Length > 18 ? title[..17] + "…" : title;

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
