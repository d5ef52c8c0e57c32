namespace NeuralNet.Data;

/// <summary>
/// Layout of a data CSV file: one example per line, the label first, then the feature values,
/// comma-separated, no header row.
/// </summary>
/// <param name="Features">values after the label on every line, or null to take the count from line 1</param>
/// <param name="MaxValue">largest allowed value; values are divided by it, so X lies in [0, 1]</param>
/// <param name="FeatureName">what the values are called in error messages ("pixels", "features")</param>
/// <param name="NumClasses">labels must lie in 0..NumClasses-1</param>
public sealed record CsvFormat(int? Features, double MaxValue, string FeatureName = "features", int NumClasses = Dataset.DefaultClasses)
{
    /// <summary>Deep Learning Assignment 1's mnist_train.csv / mnist_test.csv: label, then 784 pixels 0..255.</summary>
    public static CsvFormat MnistPixels { get; } = new(784, 255, "pixels");

    /// <summary>Homework 5's tiny/small/large files: label, then D binary values 0/1 (D = 128, or 5 for the tiny files).</summary>
    public static CsvFormat BinaryFeatures { get; } = new(null, 1, "features");
}
