using Autograder.Worker.Protocol;
using NeuralNet;

namespace Autograder.Grader.Checks;

/// <summary>
/// Random inputs for checks, always from <see cref="Rng"/> seeded per case (submission seed, item,
/// check, case), so the same submission and seed always see the same numbers.
/// </summary>
internal static class Inputs
{
    public static ulong CaseSeed(ulong seed, string itemId, int check, int @case)
    {
        var h = seed ^ 0x9E3779B97F4A7C15UL;
        foreach (var c in $"{itemId}/{check}/{@case}")
        {
            h = Mix(h ^ c);
        }

        return h;
    }

    public static TensorValue Normal(Rng rng, int[] shape, double std = 1.0, bool includeZeros = false)
    {
        var size = shape.Aggregate(1, (a, b) => a * b);
        var values = new double[size];
        for (var i = 0; i < size; i++)
        {
            values[i] = std * rng.NextNormal();
        }

        if (includeZeros)
        {
            for (var i = 0; i < size; i += 4)
            {
                values[(i + rng.NextInt(4)) % size] = 0.0;
            }
        }

        return TensorValue.From(shape, values);
    }

    public static IntsValue Labels(Rng rng, int n, int classes) =>
        new(Enumerable.Range(0, n).Select(_ => rng.NextInt(classes)).ToArray());

    // SplitMix64 finaliser: spreads every input bit over the whole seed.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
