
namespace Autograder.Grader.Reports.Class;

/// <summary>Scores of the students with a result: count, mean, median, population standard deviation, min and max.</summary>
public sealed record ScoreStats(int Count, double Mean, double Median, double StdDev, double Min, double Max)
{
    public static ScoreStats Of(IReadOnlyCollection<double> scores)
    {
        if (scores.Count == 0)
        {
            return new ScoreStats(0, 0, 0, 0, 0, 0);
        }

        var sorted = scores.Order().ToArray();
        var mean = sorted.Average();
        var n = sorted.Length;
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        var std = Math.Sqrt(sorted.Sum(x => (x - mean) * (x - mean)) / n);
        return new ScoreStats(n, mean, median, std, sorted[0], sorted[^1]);
    }
}
