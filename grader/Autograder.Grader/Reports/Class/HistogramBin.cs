
namespace Autograder.Grader.Reports.Class;

/// <summary>A histogram bin [<see cref="Low"/>, <see cref="High"/>) of scores (the last bin includes its upper edge).</summary>
public sealed record HistogramBin(double Low, double High, int Count);
