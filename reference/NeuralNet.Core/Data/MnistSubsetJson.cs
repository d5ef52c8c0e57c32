using System.Text.Json;

namespace NeuralNet.Data;

/// <summary>
/// Reads Homework 6's <c>mnist_subset.json</c>: <c>{"train": [X, y], "valid": [X, y], "test": [X, y]}</c>,
/// X a list of N rows of D floats in [0, 1], y a list of N integer labels. A malformed file gets an
/// <see cref="InvalidDataException"/> naming the file, the split, the row index and the problem.
/// </summary>
public static class MnistSubsetJson
{
    private static readonly string[] Keys = ["train", "valid", "test"];

    /// <summary>Reads the three splits.</summary>
    /// <param name="path">the JSON file</param>
    /// <param name="numClasses">labels must lie in 0..numClasses-1</param>
    /// <returns>Train, Validation ("valid") and Test, each with X of shape (N, D) and N labels</returns>
    /// <exception cref="InvalidDataException">malformed JSON, missing keys, ragged rows, bad values or labels</exception>
    public static DataSplits Read(string path, int numClasses = Dataset.DefaultClasses)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: malformed JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1} ({e.Message})", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path}: expected an object {{\"train\": [X, y], \"valid\": [X, y], \"test\": [X, y]}}, found {root.ValueKind}");
            }

            int? features = null;
            var splits = new Dataset[Keys.Length];
            for (int s = 0; s < Keys.Length; s++)
            {
                if (!root.TryGetProperty(Keys[s], out var split))
                {
                    throw new InvalidDataException($"{path}: missing key \"{Keys[s]}\" (expected \"train\", \"valid\" and \"test\")");
                }

                splits[s] = ReadSplit(split, $"{path} \"{Keys[s]}\"", numClasses, ref features);
            }

            return new DataSplits(splits[0], splits[1], splits[2]);
        }
    }

    private static Dataset ReadSplit(JsonElement split, string where, int numClasses, ref int? features)
    {
        if (split.ValueKind != JsonValueKind.Array || split.GetArrayLength() != 2)
        {
            string found = split.ValueKind == JsonValueKind.Array ? $"a list of {split.GetArrayLength()}" : split.ValueKind.ToString();
            throw new InvalidDataException($"{where}: expected a list [X, y] of two elements, found {found}");
        }

        var xs = split[0];
        var ys = split[1];
        RequireArray(xs, $"{where} X");
        RequireArray(ys, $"{where} y");
        int n = xs.GetArrayLength();
        if (ys.GetArrayLength() != n)
        {
            throw new InvalidDataException($"{where}: X has {n} rows but y has {ys.GetArrayLength()} labels");
        }

        if (n == 0)
        {
            throw new InvalidDataException($"{where}: X has no rows");
        }

        string firstRow = features is null ? $"{where} X[0]" : "the first split";
        features ??= RowLength(xs[0], $"{where} X[0]");
        int d = features.Value;
        if (d == 0)
        {
            throw new InvalidDataException($"{where} X[0]: empty row");
        }

        var values = GC.AllocateUninitializedArray<double>(n * d);
        int i = 0;
        foreach (var row in xs.EnumerateArray())
        {
            int length = RowLength(row, $"{where} X[{i}]");
            if (length != d)
            {
                throw new InvalidDataException($"{where} X[{i}]: expected {d} values (as in {firstRow}), found {length}");
            }

            int j = 0;
            foreach (var cell in row.EnumerateArray())
            {
                if (cell.ValueKind != JsonValueKind.Number || !cell.TryGetDouble(out double value))
                {
                    throw new InvalidDataException($"{where} X[{i}][{j}]: expected a number, found {Describe(cell)}");
                }

                if (value is < 0 or > 1)
                {
                    throw new InvalidDataException($"{where} X[{i}][{j}]: value {cell.GetRawText()} out of range [0, 1]");
                }

                values[i * d + j++] = value;
            }

            i++;
        }

        var labels = new int[n];
        i = 0;
        foreach (var cell in ys.EnumerateArray())
        {
            if (cell.ValueKind != JsonValueKind.Number || !cell.TryGetInt32(out int label))
            {
                throw new InvalidDataException($"{where} y[{i}]: label {Describe(cell)} is not an integer");
            }

            if (label < 0 || label >= numClasses)
            {
                throw new InvalidDataException($"{where} y[{i}]: label {label} out of range 0..{numClasses - 1}");
            }

            labels[i++] = label;
        }

        return new Dataset(Tensor.Wrap(values, [n, d]), labels, numClasses);
    }

    private static int RowLength(JsonElement row, string where)
    {
        RequireArray(row, where);
        return row.GetArrayLength();
    }

    private static void RequireArray(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{where}: expected a list, found {Describe(element)}");
        }
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"\"{element.GetString()}\"",
        JsonValueKind.Number => element.GetRawText(),
        _ => element.ValueKind.ToString(),
    };
}
