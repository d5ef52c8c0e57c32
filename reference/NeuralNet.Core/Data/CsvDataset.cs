using System.Globalization;

namespace NeuralNet.Data;

/// <summary>
/// Reads data CSV files (label first, then the features; see <see cref="CsvFormat"/>). A malformed line
/// gets an <see cref="InvalidDataException"/> naming the file, the 1-based line and the problem, e.g.
/// <c>train.csv line 17: expected 785 values (label + 784 pixels), found 783</c>.
/// </summary>
public static class CsvDataset
{
    /// <summary>Reads a CSV file into a data set.</summary>
    /// <param name="path">the file</param>
    /// <param name="format">its layout, e.g. <see cref="CsvFormat.MnistPixels"/> or <see cref="CsvFormat.BinaryFeatures"/></param>
    /// <returns>X of shape (N, D) with values / MaxValue in [0, 1]; labels of length N</returns>
    /// <exception cref="InvalidDataException">a line has the wrong number of values, a bad label or value, or the file has no rows</exception>
    public static Dataset Read(string path, CsvFormat format)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(format);
        using var reader = new StreamReader(path);
        var values = new List<double>();
        var labels = new List<int>();
        int? features = format.Features;
        int lineNumber = 0;
        int blankLine = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.AsSpan().Trim().IsEmpty)
            {
                blankLine = blankLine == 0 ? lineNumber : blankLine;
                continue;
            }

            if (blankLine != 0)
            {
                throw new InvalidDataException($"{path} line {blankLine}: empty line between data lines");
            }

            features ??= CountFields(line) - 1;
            ParseLine(line, path, lineNumber, format, features.Value, labels, values);
        }

        if (labels.Count == 0)
        {
            throw new InvalidDataException($"{path}: no data lines");
        }

        var x = Tensor.Wrap(values.ToArray(), [labels.Count, features!.Value]);
        return new Dataset(x, labels.ToArray(), format.NumClasses);
    }

    private static void ParseLine(string line, string path, int lineNumber, CsvFormat format, int features, List<int> labels, List<double> values)
    {
        int found = CountFields(line);
        if (found != features + 1)
        {
            string origin = format.Features is null ? $", as on the first line" : "";
            throw new InvalidDataException(
                $"{path} line {lineNumber}: expected {features + 1} values (label + {features} {format.FeatureName}{origin}), found {found}");
        }

        var rest = line.AsSpan();
        int comma = rest.IndexOf(',');
        var field = (comma < 0 ? rest : rest[..comma]).Trim();
        if (!int.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out int label))
        {
            string hint = lineNumber == 1 ? " (files must not have a header line)" : "";
            throw new InvalidDataException($"{path} line {lineNumber}: label '{field}' is not an integer{hint}");
        }

        if (label < 0 || label >= format.NumClasses)
        {
            throw new InvalidDataException($"{path} line {lineNumber}: label {label} out of range 0..{format.NumClasses - 1}");
        }

        labels.Add(label);
        for (int column = 2; comma >= 0; column++)
        {
            rest = rest[(comma + 1)..];
            comma = rest.IndexOf(',');
            field = (comma < 0 ? rest : rest[..comma]).Trim();
            if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                throw new InvalidDataException($"{path} line {lineNumber}, column {column}: '{field}' is not a number");
            }

            if (value < 0 || value > format.MaxValue)
            {
                throw new InvalidDataException(
                    $"{path} line {lineNumber}, column {column}: value {value.ToString(CultureInfo.InvariantCulture)} out of range [0, {format.MaxValue.ToString(CultureInfo.InvariantCulture)}]");
            }

            values.Add(value / format.MaxValue);
        }
    }

    private static int CountFields(string line) => line.AsSpan().Count(',') + 1;
}
