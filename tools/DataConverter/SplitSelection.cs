using NeuralNet;

namespace DataConverter;

/// <summary>The three disjoint splits drawn from a source package.</summary>
internal sealed record SplitSelection(Split Train, Split Validation, Split Test)
{
    /// <summary>
    /// Draws the splits of <paramref name="plan"/> from <paramref name="source"/> with one
    /// <c>new Rng(plan.Seed)</c>, in this order:
    /// for each class c = 0..9, p = rng.Permutation(n_c) over the class's images in file order;
    /// p[0 .. t) go to train, the next v to validation, the next s to test (t, v, s from the plan);
    /// then each split's images (collected class by class) are put in the order of
    /// rng.Permutation(split size), first train, then validation, then test.
    /// </summary>
    public static SplitSelection Draw(SourceImages source, SplitPlan plan)
    {
        var rng = new Rng(plan.Seed);
        var train = new List<(int Class, int Index)>();
        var validation = new List<(int Class, int Index)>();
        var test = new List<(int Class, int Index)>();
        for (int c = 0; c < SourceImages.Classes; c++)
        {
            int n = source.ByClass[c].Count;
            int trainCount = plan.TrainPerClass ?? n - plan.ValidationPerClass - plan.TestPerClass;
            if (trainCount < 0 || trainCount + plan.ValidationPerClass + plan.TestPerClass > n)
            {
                throw new InvalidOperationException(
                    $"{source.Name} class {c}: {n} images cannot fill {trainCount} train + {plan.ValidationPerClass} validation + {plan.TestPerClass} test");
            }

            int[] p = rng.Permutation(n);
            int k = 0;
            for (int i = 0; i < trainCount; i++) { train.Add((c, p[k++])); }
            for (int i = 0; i < plan.ValidationPerClass; i++) { validation.Add((c, p[k++])); }
            for (int i = 0; i < plan.TestPerClass; i++) { test.Add((c, p[k++])); }
        }

        return new SplitSelection(Assemble(source, train, rng), Assemble(source, validation, rng), Assemble(source, test, rng));
    }

    private static Split Assemble(SourceImages source, List<(int Class, int Index)> members, Rng rng)
    {
        int size = SourceImages.PixelsPerImage;
        int[] order = rng.Permutation(members.Count);
        var pixels = new byte[members.Count * size];
        var labels = new byte[members.Count];
        for (int k = 0; k < order.Length; k++)
        {
            var (c, index) = members[order[k]];
            source.ByClass[c][index].CopyTo(pixels.AsSpan(k * size, size));
            labels[k] = (byte)c;
        }

        return new Split(pixels, labels);
    }
}
