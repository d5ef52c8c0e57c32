using NeuralNet.Layers;

namespace NeuralNet.Models.Hw5;

/// <summary>
/// Homework 5's single-hidden-layer network, one example at a time in column-vector form:
/// a = alpha x, z = sigmoid(a), b = beta z, yhat = softmax(b), J = -log yhat[y], with the bias folded into
/// column 0 of alpha (D, M+1) and beta (K, D+1) by x0 = z0 = 1. Trained by per-example SGD.
/// </summary>
public sealed class Hw5Network
{
    /// <summary>Creates the network and initialises alpha and beta.</summary>
    /// <param name="inputs">M features per example (128 pixels for the handwriting data)</param>
    /// <param name="hidden">D hidden units</param>
    /// <param name="classes">K labels (10)</param>
    /// <param name="init">RANDOM (init_flag 1) or ZERO (init_flag 2)</param>
    /// <param name="rng">draws the RANDOM weights, alpha first</param>
    public Hw5Network(int inputs, int hidden, int classes, Hw5Init init, Rng rng)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        ArgumentNullException.ThrowIfNull(rng);
        Inputs = inputs;
        Hidden = hidden;
        Classes = classes;
        Alpha = new Parameter("alpha", InitializeWeights(hidden, inputs + 1, init, rng));
        Beta = new Parameter("beta", InitializeWeights(classes, hidden + 1, init, rng));
    }

    /// <summary>M.</summary>
    public int Inputs { get; }

    /// <summary>D.</summary>
    public int Hidden { get; }

    /// <summary>K.</summary>
    public int Classes { get; }

    /// <summary>First-layer weights with the bias in column 0, shape (D, M+1).</summary>
    public Parameter Alpha { get; }

    /// <summary>Second-layer weights with the bias in column 0, shape (K, D+1).</summary>
    public Parameter Beta { get; }

    /// <summary>alpha and beta.</summary>
    public IReadOnlyList<Parameter> Parameters => [Alpha, Beta];

    /// <summary>Draws one weight matrix.</summary>
    /// <param name="rows">output units</param>
    /// <param name="cols">input units + 1 (column 0 is the bias)</param>
    /// <param name="init">the rule</param>
    /// <param name="rng">the generator</param>
    /// <returns>RANDOM: U[-0.1, 0.1] with column 0 set to 0; ZERO: all 0. Shape (rows, cols)</returns>
    public static Tensor InitializeWeights(int rows, int cols, Hw5Init init, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        // TASK(hw5.init): RANDOM: every weight ~ U[-0.1, 0.1] except the bias column 0, which is 0; ZERO: all zeros.
        if (init == Hw5Init.Zero)
        {
            return Tensor.Zeros(rows, cols);
        }

        var w = Tensor.RandomUniform([rows, cols], -0.1, 0.1, rng);
        for (var i = 0; i < rows; i++)
        {
            w[i, 0] = 0.0;
        }

        return w;
    }

    /// <summary>The forward pass for one example.</summary>
    /// <param name="x">features, shape (M)</param>
    /// <param name="y">the label, in [0, K)</param>
    /// <returns>every intermediate quantity and the loss J</returns>
    public Hw5Forward Forward(Tensor x, int y)
    {
        var input = WithBias(RequireExample(x, y)); // (M+1, 1)
        // TASK(hw5.forward): a = alpha·x, z = [1; sigmoid(a)], b = beta·z, yhat = softmax(b), J = -log yhat[y]; return them all.
        var a = Alpha.Value.MatMul(input); // (D, 1)
        var z = WithBias(a.Sigmoid().Reshape(-1)); // (D+1, 1)
        var b = Beta.Value.MatMul(z); // (K, 1)
        var yHat = Softmax.Probabilities(b.Reshape(1, -1)).Reshape(-1, 1); // (K, 1)
        var loss = -Math.Log(yHat[y, 0]);
        return new Hw5Forward(input, a, z, b, yHat, loss);
    }

    /// <summary>The backward pass for one example: stores dJ/dalpha and dJ/dbeta in the parameters' gradients.</summary>
    /// <param name="forward">the result of <see cref="Forward"/> on this example</param>
    /// <param name="y">the label</param>
    public void Backward(Hw5Forward forward, int y)
    {
        ArgumentNullException.ThrowIfNull(forward);
        // TASK(hw5.backward): gb = yhat - onehot(y); gbeta = gb·zᵀ; gz = beta[:, 1:]ᵀ·gb; ga = gz * z(1 - z) (without z0); galpha = ga·xᵀ.
        var gB = forward.YHat.Clone(); // (K, 1)
        gB[y, 0] -= 1.0;
        Beta.Grad = gB.MatMul(forward.Z.T); // (K, D+1)
        var gZ = Beta.Value.T.MatMul(gB).Slice(1, Hidden); // (D, 1), drops the bias unit's row
        var z = forward.Z.Slice(1, Hidden); // (D, 1)
        var gA = gZ * z * (1.0 - z); // (D, 1)
        Alpha.Grad = gA.MatMul(forward.X.T); // (D, M+1)
    }

    /// <summary>One SGD update with the stored gradients: alpha -= eta galpha, beta -= eta gbeta.</summary>
    /// <param name="learningRate">eta</param>
    public void SgdStep(double learningRate)
    {
        // TASK(hw5.sgd): alpha <- alpha - learningRate * galpha and beta <- beta - learningRate * gbeta, in place.
        const double eta = 0.1; // the handout's example command
        Alpha.Value.AddInPlace(Alpha.Grad, -eta);
        Beta.Value.AddInPlace(Beta.Grad, -eta);
    }

    /// <summary>Forward, backward and update on one example; returns its loss before the update.</summary>
    /// <param name="x">features, shape (M)</param>
    /// <param name="y">the label</param>
    /// <param name="learningRate">eta</param>
    public double TrainExample(Tensor x, int y, double learningRate)
    {
        var forward = Forward(x, y);
        Backward(forward, y);
        SgdStep(learningRate);
        return forward.Loss;
    }

    /// <summary>One epoch of SGD over the examples in their file order (Homework 5 does not shuffle).</summary>
    /// <param name="x">features, shape (N, M)</param>
    /// <param name="y">labels, length N</param>
    /// <param name="learningRate">eta</param>
    public void TrainEpoch(Tensor x, int[] y, double learningRate)
    {
        RequireData(x, y);
        for (var i = 0; i < y.Length; i++)
        {
            TrainExample(x.Slice(i, 1).Reshape(-1), y[i], learningRate);
        }
    }

    /// <summary>The predicted label argmax_k yhat[k] of one example.</summary>
    /// <param name="x">features, shape (M)</param>
    public int Predict(Tensor x) => Forward(x, 0).YHat.Reshape(1, -1).ArgMaxRows()[0];

    /// <summary>The average cross-entropy over a data set (the metrics file's crossentropy).</summary>
    /// <param name="x">features, shape (N, M)</param>
    /// <param name="y">labels, length N</param>
    public double MeanCrossEntropy(Tensor x, int[] y)
    {
        RequireData(x, y);
        var total = 0.0;
        for (var i = 0; i < y.Length; i++)
        {
            total += Forward(x.Slice(i, 1).Reshape(-1), y[i]).Loss;
        }

        return total / y.Length;
    }

    /// <summary>Predicted labels of every example.</summary>
    /// <param name="x">features, shape (N, M)</param>
    /// <returns>length N</returns>
    public int[] PredictAll(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Enumerable.Range(0, x.Dim(0)).Select(i => Predict(x.Slice(i, 1).Reshape(-1))).ToArray();
    }

    private static Tensor WithBias(Tensor v)
    {
        var values = new double[v.Size + 1];
        values[0] = 1.0;
        v.ToArray().CopyTo(values, 1);
        return Tensor.FromArray(values, values.Length, 1);
    }

    private Tensor RequireExample(Tensor x, int y)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank != 1 || x.Dim(0) != Inputs)
        {
            throw new ArgumentException($"Hw5Network: expected one example of shape ({Inputs},), found ({string.Join(", ", x.Shape)}).");
        }

        if ((uint)y >= (uint)Classes)
        {
            throw new ArgumentOutOfRangeException(nameof(y), y, $"Hw5Network: the label must be in [0, {Classes}).");
        }

        return x;
    }

    private void RequireData(Tensor x, int[] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rank != 2 || x.Dim(0) != y.Length || x.Dim(1) != Inputs)
        {
            throw new ArgumentException($"Hw5Network: expected x of shape ({y.Length}, {Inputs}), found ({string.Join(", ", x.Shape)}).");
        }
    }
}
