using System.Text;

namespace DataConverter;

/// <summary>
/// Homework 5's CSV files, made from the MNIST subset: each row is a label 0..9 followed by 128 binary
/// pixels of a 16 x 8 image (the size of the handout's handwritten letters), comma-separated, no header.
/// </summary>
/// <remarks>
/// A 28 x 28 digit becomes 16 x 8 by taking the central 20 x 20 box (where MNIST centres its digits),
/// averaging each 1.25-row x 2.5-column cell (area-weighted) and setting the pixel to 1 when the mean
/// intensity is at least <see cref="Threshold"/>. Integer arithmetic keeps this exact on every machine.
/// </remarks>
internal static class Hw5Export
{
    public const int Rows = 16;
    public const int Cols = 8;

    /// <summary>Mean intensity (of 1) from which a downsampled pixel is ink.</summary>
    public const double Threshold = 0.35;

    /// <summary>Row in the 16 x 8 image whose pixels 1..5 are the tiny files' five features.</summary>
    public const int TinyRow = 8;
    public const int TinyFeatures = 5;

    public const int SmallTrainPerClass = 50;
    public const int SmallValidationPerClass = 10;

    private const int CropOffset = 4;     // (28 - 20) / 2
    private const int SubRowsPerSource = 4; // 20 rows -> 80 sub-rows -> 16 cells of 5
    private const int SubColsPerSource = 2; // 20 cols -> 40 sub-cols -> 8 cells of 5
    private const int SubPerCell = 5;

    /// <summary>The data/hw5 files (relative path -> bytes) from the MNIST train and validation splits.</summary>
    public static IEnumerable<(string Path, byte[] Bytes)> Files(SplitSelection mnist)
    {
        var largeTrain = Binarize(mnist.Train);
        var largeValidation = Binarize(mnist.Validation);
        var smallTrain = FirstPerClass(largeTrain, SmallTrainPerClass);
        var smallValidation = FirstPerClass(largeValidation, SmallValidationPerClass);
        yield return ("hw5/largeTrain.csv", ToCsv(largeTrain, all: true));
        yield return ("hw5/largeValidation.csv", ToCsv(largeValidation, all: true));
        yield return ("hw5/smallTrain.csv", ToCsv(smallTrain, all: true));
        yield return ("hw5/smallValidation.csv", ToCsv(smallValidation, all: true));
        yield return ("hw5/tinyTrain.csv", ToCsv(smallTrain.Take(2).ToList(), all: false));
        yield return ("hw5/tinyValidation.csv", ToCsv(smallValidation.Take(2).ToList(), all: false));
    }

    /// <summary>Downsamples one 28 x 28 image to 16 x 8 binary pixels (row-major).</summary>
    public static byte[] Downsample(ReadOnlySpan<byte> image)
    {
        var result = new byte[Rows * Cols];
        long threshold = (long)Math.Ceiling(Threshold * 255 * SubPerCell * SubPerCell);
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Cols; c++)
            {
                long sum = 0;
                for (int sr = r * SubPerCell; sr < (r + 1) * SubPerCell; sr++)
                {
                    int row = CropOffset + sr / SubRowsPerSource;
                    for (int sc = c * SubPerCell; sc < (c + 1) * SubPerCell; sc++)
                    {
                        sum += image[row * SourceImages.Side + CropOffset + sc / SubColsPerSource];
                    }
                }

                result[r * Cols + c] = sum >= threshold ? (byte)1 : (byte)0;
            }
        }

        return result;
    }

    private static List<(byte Label, byte[] Pixels)> Binarize(Split split) =>
        Enumerable.Range(0, split.Count).Select(i => (split.Labels[i], Downsample(split.Image(i)))).ToList();

    /// <summary>The first <paramref name="perClass"/> rows of each class, keeping file order (which is already random).</summary>
    private static List<(byte Label, byte[] Pixels)> FirstPerClass(List<(byte Label, byte[] Pixels)> rows, int perClass)
    {
        var taken = new int[SourceImages.Classes];
        return rows.Where(row => taken[row.Label]++ < perClass).ToList();
    }

    private static byte[] ToCsv(List<(byte Label, byte[] Pixels)> rows, bool all)
    {
        var text = new StringBuilder();
        foreach (var (label, pixels) in rows)
        {
            text.Append(label);
            var features = all ? pixels.AsSpan() : pixels.AsSpan(TinyRow * Cols + 1, TinyFeatures);
            foreach (byte p in features)
            {
                text.Append(',').Append(p);
            }

            text.Append('\n');
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
