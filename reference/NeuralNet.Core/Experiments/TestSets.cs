using NeuralNet.Data;

namespace NeuralNet.Experiments;

/// <summary>HW3 3.5's out-of-distribution test sets, built from the plain test set.</summary>
public static class TestSets
{
    /// <summary>The names an experiment's <c>test_sets</c> may list.</summary>
    public static IReadOnlyList<string> Names { get; } = ["shift_up_4", "rotate_90", "rotate_180", "rotate_270"];

    /// <summary>Builds one test set.</summary>
    /// <param name="name">one of <see cref="Names"/></param>
    /// <param name="test">the plain test set, X shape (N, 784)</param>
    /// <returns>the transformed images with the same labels</returns>
    public static Dataset Build(string name, Dataset test) => name switch
    {
        "shift_up_4" => ImageTransforms.ShiftUp(test, 4),
        "rotate_90" => ImageTransforms.Rotate(test, 90),
        "rotate_180" => ImageTransforms.Rotate(test, 180),
        "rotate_270" => ImageTransforms.Rotate(test, 270),
        _ => throw new ArgumentException($"TestSets: expected one of {string.Join(", ", Names)}, found '{name}'", nameof(name)),
    };
}
