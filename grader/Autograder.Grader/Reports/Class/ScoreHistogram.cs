using ScottPlot;

namespace Autograder.Grader.Reports.Class;

/// <summary>
/// The batch's score histogram: bins over [0, max score] (one point wide up to 20 points, else 20
/// equal bins) and a PNG drawn with ScottPlot for summary.md and the HTML report.
/// </summary>
public static class ScoreHistogram
{
    public const string FileName = "histogram.png";

    public static IReadOnlyList<HistogramBin> Bins(IReadOnlyCollection<double> scores, double maxScore)
    {
        var max = Math.Max(maxScore, scores.DefaultIfEmpty(0).Max());
        var count = max <= 0 ? 1 : max <= 20 ? (int)Math.Ceiling(max) : 20;
        var width = max <= 0 ? 1 : max / count;
        var counts = new int[count];
        foreach (var score in scores)
        {
            counts[Math.Clamp((int)Math.Floor(score / width), 0, count - 1)]++;
        }

        return Enumerable.Range(0, count).Select(i => new HistogramBin(i * width, (i + 1) * width, counts[i])).ToList();
    }

    /// <param name="scores">one score per student</param>
    /// <param name="maxScore">the rubric's total</param>
    /// <param name="title">the chart title</param>
    /// <returns>PNG bytes, 800 x 400</returns>
    public static byte[] Png(IReadOnlyCollection<double> scores, double maxScore, string title)
    {
        var bins = Bins(scores, maxScore);
        var width = bins[0].High - bins[0].Low;
        var plot = new Plot();
        var bars = bins.Select(b => new Bar
        {
            Position = (b.Low + b.High) / 2,
            Value = b.Count,
            Size = width * 0.92,
            FillColor = new Color(52, 101, 164),
            LineWidth = 0,
        }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsX(-width * 0.2, bins[^1].High + (width * 0.2));
        plot.Axes.SetLimitsY(0, Math.Max(1, bins.Max(b => b.Count)) * 1.1);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Title(title);
        plot.XLabel("score");
        plot.YLabel("students");
        return plot.GetImageBytes(800, 400, ImageFormat.Png);
    }
}
