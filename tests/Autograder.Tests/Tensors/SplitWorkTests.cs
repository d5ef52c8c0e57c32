using System.Collections.Concurrent;
using NeuralNet;

namespace Autograder.Tests.Tensors;

/// <summary>
/// Element-wise passes over more than <c>SplitWork.MinElements</c> elements run in ranges on every core; each range must
/// give the bits one thread gives. Expectations are plain loops written here from each operation's definition, on
/// lengths and shapes whose split points fall mid-row, off a vector's width and inside the leading axes' odometer.
/// </summary>
public sealed class SplitWorkTests
{
    private const int Large = (1 << 18) + 4_099; // over the threshold, not a multiple of 8

    [Fact]
    public void Parts_SplitsOnlyPassesOverTheThreshold()
    {
        Assert.Equal(1, SplitWork.Parts(SplitWork.MinElements));
        Assert.Equal(Math.Min(2, Environment.ProcessorCount), SplitWork.Parts(SplitWork.MinElements + 1));
        Assert.Equal(1, SplitWork.Parts(0));
    }

    [Theory]
    [InlineData(1, 1_000_000)] // one item: one range
    [InlineData(91, 1_000_000)]
    [InlineData(91, 1_000)] // small: one range on this thread
    public void For_CoversEveryItemOnce(int count, long elements)
    {
        var ranges = new ConcurrentBag<(int First, int End)>();
        var caller = Environment.CurrentManagedThreadId;
        var onCaller = 0;
        SplitWork.For(count, elements, (first, end) =>
        {
            ranges.Add((first, end));
            if (Environment.CurrentManagedThreadId == caller)
            {
                Interlocked.Increment(ref onCaller);
            }
        });

        var sorted = ranges.OrderBy(r => r.First).ToArray();
        Assert.Equal(Math.Min(count, SplitWork.Parts(elements)), sorted.Length);
        Assert.Equal(0, sorted[0].First);
        Assert.Equal(count, sorted[^1].End);
        for (var i = 1; i < sorted.Length; i++)
        {
            Assert.Equal(sorted[i - 1].End, sorted[i].First);
        }

        if (sorted.Length == 1)
        {
            Assert.Equal(1, onCaller); // not split: run on the calling thread, no fork
        }
    }

    [Theory]
    [InlineData(Large)]
    [InlineData(Large + 1)]
    [InlineData(1_000_003)]
    public void ForElements_CoversEveryElementOnce_InLineAlignedRanges(int length)
    {
        var seen = new int[length];
        var starts = new ConcurrentBag<int>();
        SplitWork.ForElements(length, (start, end) =>
        {
            starts.Add(start);
            for (var i = start; i < end; i++)
            {
                seen[i]++;
            }
        });

        Assert.All(seen, count => Assert.Equal(1, count));
        Assert.All(starts, start => Assert.Equal(0, start % 8));
    }

    [Fact]
    public void BinaryOperations_GiveEachElementsBits()
    {
        var (a, b) = (Values(Large, 1), Values(Large, 2));
        var (ta, tb) = (Tensor.FromArray(a, Large), Tensor.FromArray(b, Large));

        AssertBits(Map(a, b, (x, y) => x + y), ta + tb);
        AssertBits(Map(a, b, (x, y) => x - y), ta - tb);
        AssertBits(Map(a, b, (x, y) => x * y), ta * tb);
        AssertBits(Map(a, b, (x, y) => x / y), ta / tb);
        AssertBits(Map(a, b, (x, y) => x > y ? 1.0 : 0.0), ta > tb);
        AssertBits(Map(a, b, (x, y) => double.IsNaN(x) || double.IsNaN(y) ? double.NaN : Math.Max(x, y)), Tensor.Maximum(ta, tb));
        AssertBits(a.Select(x => x * 0.37).ToArray(), ta * 0.37);
        AssertBits(a.Select(x => 2.5 - x).ToArray(), 2.5 - ta);
        AssertBits(a.Select(x => double.IsNaN(x) ? double.NaN : Math.Max(x, 0.0)).ToArray(), ta.Maximum(0.0));
    }

    [Fact]
    public void ARowAddedToEveryRow_GivesEachElementsBits()
    {
        var (rows, width) = (877, 301); // 263,977 elements: the split falls inside the leading axis
        var (a, row) = (Values(rows * width, 3), Values(width, 4));

        var actual = Tensor.FromArray(a, rows, width) + Tensor.FromArray(row, 1, width);

        AssertBits(Enumerable.Range(0, rows * width).Select(i => a[i] + row[i % width]).ToArray(), actual);
    }

    [Theory]
    [InlineData(7, 13, 3_001)] // 91 rows over (7, 13): the second range starts mid-image
    [InlineData(32, 64, 129)]
    public void ABiasColumnBroadcast_GivesEachElementsBits(int n, int f, int positions)
    {
        var (y, bias) = (Values(n * f * positions, 5), Values(f, 6));
        var expected = Enumerable.Range(0, y.Length).Select(i => y[i] + bias[i / positions % f]).ToArray();

        var sum = Tensor.FromArray(y, n, f, positions) + Tensor.FromArray(bias, f, 1);
        var inPlace = Tensor.FromArray(y, n, f, positions);
        inPlace.AddInPlace(Tensor.FromArray(bias, f, 1)); // Conv2D's forward pass: y += b

        AssertBits(expected, sum);
        AssertBits(expected, inPlace);
    }

    [Fact]
    public void InPlaceUpdates_GiveEachElementsBits()
    {
        var (t, s) = (Values(Large, 7), Values(Large, 8));

        var add = Tensor.FromArray(t, Large);
        add.AddInPlace(Tensor.FromArray(s, Large));
        var step = Tensor.FromArray(t, Large);
        step.AddInPlace(Tensor.FromArray(s, Large), -0.01); // an SGD step: t + s * alpha, unfused
        var product = Tensor.FromArray(t, Large);
        product.MultiplyInPlace(Tensor.FromArray(s, Large));
        var scaled = Tensor.FromArray(t, Large);
        scaled.ScaleInPlace(0.3);

        AssertBits(Map(t, s, (x, y) => x + y), add);
        AssertBits(Map(t, s, (x, y) => (y * -0.01) + x), step);
        AssertBits(Map(t, s, (x, y) => x * y), product);
        AssertBits(t.Select(x => x * 0.3).ToArray(), scaled);
    }

    [Fact]
    public void MultiplyByIndicator_GivesEachElementsBits()
    {
        var (values, x) = (Values(Large, 9), Values(Large, 10));

        var actual = Tensor.FromArray(values, Large).MultiplyByIndicator(Tensor.FromArray(x, Large), 0.0);

        AssertBits(Map(values, x, (v, c) => v * (c > 0.0 ? 1.0 : 0.0)), actual);
    }

    [Fact]
    public void ReductionsOverRows_GiveEachRowsBits()
    {
        var (outer, length) = (2_161, 122); // Conv2D's bias gradient: sums of g over positions, row by row
        var values = Values(outer * length, 11);
        var tensor = Tensor.FromArray(values, outer, length);

        var sums = tensor.Sum(1).ToArray();
        var maxima = tensor.Max(1).ToArray();

        for (var o = 0; o < outer; o++)
        {
            var row = Tensor.FromArray(values[(o * length)..((o + 1) * length)], length); // one small row: not split
            Assert.Equal(BitConverter.DoubleToInt64Bits(row.Sum()), BitConverter.DoubleToInt64Bits(sums[o]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(row.Max()), BitConverter.DoubleToInt64Bits(maxima[o]));
        }
    }

    [Theory]
    [InlineData(1, 3, 100_003)] // one outer row: the columns are split
    [InlineData(5, 3, 20_011)] // rows of columns are split
    public void ReductionsOverAMiddleAxis_GiveEachColumnsBits(int outer, int length, int inner)
    {
        var values = Values(outer * length * inner, 12);
        var tensor = Tensor.FromArray(values, outer, length, inner);
        var (sums, minima) = (new double[outer * inner], new double[outer * inner]);
        for (var o = 0; o < outer; o++)
        {
            for (var i = 0; i < inner; i++)
            {
                var (sum, min) = (0.0, double.PositiveInfinity);
                for (var k = 0; k < length; k++)
                {
                    var v = values[((o * length) + k) * inner + i];
                    sum += v;
                    min = double.IsNaN(min) || double.IsNaN(v) ? double.NaN : Math.Min(min, v);
                }

                (sums[o * inner + i], minima[o * inner + i]) = (sum, min);
            }
        }

        AssertBits(sums, tensor.Sum(1));
        AssertBits(minima, tensor.Min(1));
    }

    // Normal values with signed zeros, infinities and NaN sprinkled in.
    private static double[] Values(int length, int seed)
    {
        var rng = new Rng((ulong)seed);
        var special = new[] { 0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e-310 };
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = rng.NextInt(97) == 0 ? special[rng.NextInt(special.Length)] : rng.NextNormal();
        }

        return values;
    }

    private static double[] Map(double[] a, double[] b, Func<double, double, double> op) => a.Select((x, i) => op(x, b[i])).ToArray();

    private static void AssertBits(double[] expected, Tensor actual)
    {
        var values = actual.ToArray();
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(values[i]))
            {
                Assert.Fail($"element {i}: expected {expected[i]:R} ({BitConverter.DoubleToInt64Bits(expected[i]):X}), found {values[i]:R} ({BitConverter.DoubleToInt64Bits(values[i]):X})");
            }
        }
    }
}
