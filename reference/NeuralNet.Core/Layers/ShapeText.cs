namespace NeuralNet.Layers;

/// <summary>Formats shapes for error messages like numpy does: <c>(5, 784)</c>.</summary>
internal static class ShapeText
{
    /// <summary>The shape as "(d0, d1, ...)".</summary>
    public static string Of(int[] shape) => shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
}
