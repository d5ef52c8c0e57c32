namespace NeuralNet.Layers;

/// <summary>
/// Fully connected layer u = xW + b (HW3 3.1.1, HW6 eq. 2 in row-wise form: one example per row).
/// </summary>
public sealed class Linear : Module
{
    /// <summary>Creates the layer and draws its parameters.</summary>
    /// <param name="inD">input features D</param>
    /// <param name="outD">output features M</param>
    /// <param name="rng">the seeded generator the initial values come from</param>
    /// <param name="init">the initialisation rule (default: HW3/HW6's N(0, 0.1))</param>
    public Linear(int inD, int outD, Rng rng, LinearInit init = LinearInit.Normal01)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inD);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outD);
        ArgumentNullException.ThrowIfNull(rng);
        InputDim = inD;
        OutputDim = outD;
        (W, B) = InitializeParameters(inD, outD, init, rng);
    }

    private Linear(Parameter w, Parameter b)
    {
        InputDim = w.Value.Dim(0);
        OutputDim = w.Value.Dim(1);
        (W, B) = (w, b);
    }

    /// <summary>
    /// A layer with the given parameters (copied) and zero gradients, without running the
    /// initialisation: tests and the grader use it so forward and backward are checked on their own,
    /// whether or not <c>linear.init</c> is done.
    /// </summary>
    /// <param name="w">weights, shape (D, M)</param>
    /// <param name="b">bias, shape (1, M)</param>
    public static Linear FromWeights(Tensor w, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(b);
        if (w.Rank != 2 || b.Rank != 2 || b.Dim(0) != 1 || b.Dim(1) != w.Dim(1))
        {
            throw new ArgumentException(
                $"Linear.FromWeights: expected W (D, M) and b (1, M), found W {ShapeText.Of(w.Shape)} and b {ShapeText.Of(b.Shape)}.");
        }

        return new Linear(new Parameter("W", w.Clone()), new Parameter("b", b.Clone()));
    }

    /// <summary>Input features D.</summary>
    public int InputDim { get; }

    /// <summary>Output features M.</summary>
    public int OutputDim { get; }

    /// <summary>Weights, shape (D, M).</summary>
    public Parameter W { get; }

    /// <summary>Bias, shape (1, M).</summary>
    public Parameter B { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => [W, B];

    /// <summary>Draws W and b and sets both gradients to zero.</summary>
    /// <param name="inD">input features D</param>
    /// <param name="outD">output features M</param>
    /// <param name="init">the initialisation rule</param>
    /// <param name="rng">the seeded generator</param>
    /// <returns>W, shape (D, M), named "W", and b, shape (1, M), named "b"</returns>
    private static (Parameter W, Parameter B) InitializeParameters(int inD, int outD, LinearInit init, Rng rng)
    {
        // TASK(linear.init): draw W (inD, outD) and b (1, outD) from N(0, 0.1) (mean 0, std 0.1); gradients start at zero.
        // BEGIN SOLUTION linear.init
        var (w, b) = init switch
        {
            LinearInit.Normal01 => (Tensor.RandomNormal([inD, outD], 0.0, 0.1, rng), Tensor.RandomNormal([1, outD], 0.0, 0.1, rng)),
            LinearInit.UniformRandom => (Tensor.RandomUniform([inD, outD], -0.1, 0.1, rng), Tensor.Zeros(1, outD)),
            LinearInit.Zero => (Tensor.Zeros(inD, outD), Tensor.Zeros(1, outD)),
            LinearInit.SmallNormal => (Tensor.RandomNormal([inD, outD], 0.0, 0.001, rng), Tensor.Zeros(1, outD)),
            _ => throw new ArgumentOutOfRangeException(nameof(init), init, "Linear: unknown LinearInit."),
        };
        return (new Parameter("W", w), new Parameter("b", b));
        // END SOLUTION
    }

    /// <summary>u = xW + b.</summary>
    /// <param name="x">input, shape (N, D)</param>
    /// <returns>u, shape (N, M)</returns>
    public override Tensor Forward(Tensor x)
    {
        RequireInput(x);
        // TASK(linear.forward): return u = x·W + b for the whole batch at once (no loops), shape (N, M).
        // BEGIN SOLUTION linear.forward
        return x.MatMul(W.Value) + B.Value;
        // END SOLUTION
    }

    /// <summary>Stores dW and db in the parameters' gradients and returns dX.</summary>
    /// <param name="x">the forward input, shape (N, D)</param>
    /// <param name="gradOutput">dL/du, shape (N, M)</param>
    /// <returns>dX = dL/dx, shape (N, D)</returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        RequireInput(x);
        RequireShape("Linear", gradOutput, [x.Dim(0), OutputDim]);
        // TASK(linear.backward): store W.Grad = xᵀ·grad (D, M) and B.Grad = column sums of grad (1, M); return dX = grad·Wᵀ (N, D).
        // BEGIN SOLUTION linear.backward
        W.Grad = W.Grad + x.T.MatMul(gradOutput); // adds to what is there
        B.Grad = B.Grad + gradOutput.Sum(0, keepDims: true);
        if (!InputGradientNeeded)
        {
            return Tensor.NotComputed(x.Shape); // the network's first layer: nothing reads dX
        }

        return gradOutput.MatMul(W.Value.T);
        // END SOLUTION
    }

    private void RequireInput(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank != 2 || x.Dim(1) != InputDim)
        {
            throw new ArgumentException(
                $"Linear: expected x of shape (N, {InputDim}), found {ShapeText.Of(x.Shape)}; flatten images to (N, C*H*W) first.");
        }
    }
}
