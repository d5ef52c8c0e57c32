namespace NeuralNet;

/// <summary>
/// The values of a gradient nobody asked for (see <see cref="Layers.Module.InputGradientNeeded"/>): the tensor has its
/// shape, but reading or writing its values throws, naming what was skipped.
/// </summary>
/// <param name="shape">the tensor's shape, for the message</param>
internal sealed class NotComputedValue(int[] shape) : DeferredValue
{
    /// <summary>Always throws: these values were never computed.</summary>
    protected override double[] Compute() => throw new InvalidOperationException(
        $"The values of this tensor of shape {ShapeMath.Format(shape)} were not computed: it is a layer's dL/dx, skipped "
        + "because the caller said it would not use it (Module.InputGradientNeeded was false). Set InputGradientNeeded = true "
        + "before calling Backward to get it.");
}
