using NeuralNet;
using NeuralNet.Layers;
using NeuralNet.Models;
using NeuralNet.Models.Hw3;
using NeuralNet.Training;

namespace Autograder.Tests.Layers;

/// <summary>
/// Module.InputGradientNeeded: a network trained on data does not compute dL/dx of the data. The parameters'
/// gradients must not change by a bit, the skipped gradient must say so when read, and a layer called on its own
/// (as every grader check calls one) still returns dX.
/// </summary>
public sealed class InputGradientTests
{
    [Fact]
    public void NotComputed_HasTheShape_AndReadingItThrowsNamingTheFlag()
    {
        var t = Tensor.NotComputed(32, 1, 28, 28);
        Assert.Equal(new[] { 32, 1, 28, 28 }, t.Shape);
        var error = Assert.Throws<InvalidOperationException>(() => t.ToArray());
        Assert.Contains("(32, 1, 28, 28)", error.Message, StringComparison.Ordinal);
        Assert.Contains("InputGradientNeeded", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => t.Reshape(32, 784).Sum());
    }

    [Fact]
    public void Conv2DBackward_InputGradientNotNeeded_StoresTheSameGradientsAndSkipsDx()
    {
        var (x, grad) = (Tensor.RandomNormal([3, 2, 9, 9], 0, 1, new Rng(7)), Tensor.RandomNormal([3, 4, 7, 7], 0, 1, new Rng(8)));
        var full = new Conv2D(2, 4, 3, new Rng(1));
        var dx = full.Backward(x, grad);
        var skipping = new Conv2D(2, 4, 3, new Rng(1)) { InputGradientNeeded = false };
        var skipped = skipping.Backward(x, grad);

        Assert.Equal(full.W.Grad.ToArray(), skipping.W.Grad.ToArray());
        Assert.Equal(full.B.Grad.ToArray(), skipping.B.Grad.ToArray());
        Assert.Equal(x.Shape, dx.Shape);
        Assert.Contains(dx.ToArray(), v => v != 0);
        Assert.Equal(x.Shape, skipped.Shape);
        Assert.Throws<InvalidOperationException>(() => skipped.ToArray());
    }

    [Fact]
    public void LinearBackward_InputGradientNotNeeded_StoresTheSameGradientsAndSkipsDx()
    {
        var (x, grad) = (Tensor.RandomNormal([5, 6], 0, 1, new Rng(7)), Tensor.RandomNormal([5, 3], 0, 1, new Rng(8)));
        var full = new Linear(6, 3, new Rng(1));
        var dx = full.Backward(x, grad);
        var skipping = new Linear(6, 3, new Rng(1)) { InputGradientNeeded = false };
        var skipped = skipping.Backward(x, grad);

        Assert.Equal(full.W.Grad.ToArray(), skipping.W.Grad.ToArray());
        Assert.Equal(full.B.Grad.ToArray(), skipping.B.Grad.ToArray());
        Assert.Equal(grad.MatMul(full.W.Value.T).ToArray(), dx.ToArray());
        Assert.Throws<InvalidOperationException>(() => skipped.ToArray());
    }

    [Fact]
    public void SequentialBackward_InputGradientNotNeeded_SkipsTheLayersBeforeTheFirstWithParameters()
    {
        var (before, after) = (new Recorder(), new Recorder());
        var (l1, l2) = (new Recorder(new Linear(4, 3, new Rng(1))), new Recorder(new Linear(3, 2, new Rng(2))));
        var network = new Sequential(("before", before), ("L1", l1), ("after", after), ("L2", l2));
        var x = Tensor.RandomNormal([2, 4], 0, 1, new Rng(3));
        network.Forward(x);
        network.InputGradientNeeded = false;

        var dx = network.Backward(x, Tensor.Ones(2, 2));

        Assert.Equal(0, before.BackwardCalls);
        Assert.Equal(1, after.BackwardCalls);
        Assert.False(l1.NeededInBackward);
        Assert.True(l2.NeededInBackward);
        Assert.True(after.NeededInBackward);
        Assert.True(l1.InputGradientNeeded); // put back after the call
        Assert.Equal(x.Shape, dx.Shape);
        Assert.Throws<InvalidOperationException>(() => dx.ToArray());
    }

    [Fact]
    public void SequentialBackward_InputGradientNeeded_RunsEveryLayerAndReturnsDx()
    {
        var before = new Recorder();
        var network = new Sequential(("before", before), ("L1", new Linear(4, 3, new Rng(1))));
        var x = Tensor.RandomNormal([2, 4], 0, 1, new Rng(3));
        network.Forward(x);
        network.InputGradientNeeded = false;
        network.Backward(x, Tensor.Ones(2, 3));
        network.InputGradientNeeded = true;

        var dx = network.Backward(x, Tensor.Ones(2, 3));

        Assert.Equal(1, before.BackwardCalls);
        Assert.True(network["L1"].InputGradientNeeded);
        var w = ((Linear)network["L1"]).W.Value;
        Assert.Equal(Tensor.Ones(2, 3).MatMul(w.T).ToArray(), dx.ToArray());
    }

    [Fact]
    public void ClassifierBackward_Hw3Cnn_GivesTheParametersTheBitsOfTheFullPass_AndRestoresTheFlag()
    {
        var x = Tensor.RandomUniform([4, 784], 0, 1, new Rng(3));
        int[] y = [1, 7, 3, 0];
        var skipping = Hw3OodModels.TwoLayerCnn(new Rng(2));
        var (logits, _) = skipping.Forward(x, y);
        skipping.Backward(x, logits, y);

        var full = Hw3OodModels.TwoLayerCnn(new Rng(2));
        var fullLogits = full.Network.Forward(x);
        var dx = full.Network.Backward(x, full.Loss.Backward(fullLogits, y));

        Assert.True(skipping.Network.InputGradientNeeded);
        Assert.Equal(new[] { 4, 784 }, dx.Shape);
        Assert.Contains(dx.ToArray(), v => v != 0);
        foreach (var (a, b) in skipping.Parameters.Zip(full.Parameters))
        {
            Assert.Equal(b.Grad.ToArray(), a.Grad.ToArray());
        }
    }

    [Fact]
    public void LayerChainBackward_TellsOnlyTheFirstLayerWithParameters_AndSkipsTheOnesBefore()
    {
        var before = new Recorder();
        var conv = new Conv2D(1, 2, 3, new Rng(1));
        var linear = new Linear(2 * 4 * 4, 3, new Rng(2));
        var (convProbe, linearProbe) = (new Recorder(conv), new Recorder(linear));
        var chain = new LayerChain([new Unflatten(1, 6, 6), before, convProbe, new Relu(), new Flatten(), linearProbe]);
        var x = Tensor.RandomNormal([2, 36], 0, 1, new Rng(3));
        var logits = chain.Forward(x, training: true);

        chain.Backward(Tensor.Ones(logits.Shape));

        Assert.Equal(0, before.BackwardCalls);
        Assert.False(convProbe.NeededInBackward);
        Assert.True(linearProbe.NeededInBackward);
        Assert.True(convProbe.InputGradientNeeded); // put back: the layer on its own returns dX again

        // The same gradients as the full pass through the same layers, computed by hand.
        var reference = new Conv2D(1, 2, 3, new Rng(1));
        var images = x.Reshape(2, 1, 6, 6);
        var h = reference.Forward(images);
        var relu = new Relu();
        var g = linear.W.Value.T;
        var gradH = Tensor.Ones(logits.Shape).MatMul(g).Reshape(h.Shape);
        reference.Backward(images, relu.Backward(h, gradH));
        Assert.Equal(reference.W.Grad.ToArray(), conv.W.Grad.ToArray());
        Assert.Equal(reference.B.Grad.ToArray(), conv.B.Grad.ToArray());

        // Called on its own after the chain, the layer computes dX again.
        Assert.Equal(72, conv.Backward(images, Tensor.Ones(2, 2, 4, 4)).ToArray().Length);
    }

    /// <summary>
    /// Records its backward calls and the <see cref="Module.InputGradientNeeded"/> it was called with; an identity
    /// without parameters, or a wrapper passing both the flag and the call to a layer (and showing its parameters).
    /// </summary>
    private sealed class Recorder(Module? inner = null) : Module
    {
        public int BackwardCalls { get; private set; }

        public bool? NeededInBackward { get; private set; }

        public override IReadOnlyList<Parameter> Parameters => inner?.Parameters ?? [];

        public override Tensor Forward(Tensor x) => inner?.Forward(x) ?? x;

        public override Tensor Backward(Tensor x, Tensor gradOutput)
        {
            BackwardCalls++;
            NeededInBackward = InputGradientNeeded;
            if (inner is null)
            {
                return gradOutput;
            }

            var previous = inner.InputGradientNeeded;
            inner.InputGradientNeeded = InputGradientNeeded;
            try
            {
                return inner.Backward(x, gradOutput);
            }
            finally
            {
                inner.InputGradientNeeded = previous;
            }
        }
    }
}
