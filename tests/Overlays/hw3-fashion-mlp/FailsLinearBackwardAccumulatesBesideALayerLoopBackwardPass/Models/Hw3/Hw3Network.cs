using NeuralNet.Gradients;
using NeuralNet.Optimizers;

namespace NeuralNet.Models.Hw3;

/// <summary>
/// The functions of HW3's <c>neural_networks.py</c> that drive <see cref="Hw3Mlp"/>: the forward pass, the
/// backward pass (3.1.4), the mini-batch gradient descent step (3.1.3) and the gradient checker (3.1.5).
/// </summary>
public static class Hw3Network
{
    /// <summary>The parameters HW3's gradient checker inspects, entry (0, 0) of each.</summary>
    public static readonly IReadOnlyList<(string Layer, string Parameter)> CheckedParameters =
        [("L1", "W"), ("L1", "b"), ("L2", "W"), ("L2", "b")];

    /// <summary>Runs the layers in order and computes the loss.</summary>
    /// <param name="model">the network</param>
    /// <param name="x">inputs, shape (N, d)</param>
    /// <param name="y">labels, length N</param>
    /// <returns>a1 (N, M), h1 (N, M), a2 (N, K) and the mean loss</returns>
    public static Hw3ForwardPass ForwardPass(Hw3Mlp model, Tensor x, int[] y)
    {
        ArgumentNullException.ThrowIfNull(model);
        var a1 = model.L1.Forward(x); // (N, M)
        var h1 = model.Nonlinear1.Forward(a1); // (N, M)
        var a2 = model.L2.Forward(h1); // (N, K)
        var loss = model.Loss.Forward(a2, y);
        return new Hw3ForwardPass(a1, h1, a2, loss);
    }

    /// <summary>
    /// Calls the backward pass of every layer in reverse order with the right inputs, so that each linear
    /// layer's W.Grad and B.Grad hold the gradient of the batch loss.
    /// </summary>
    /// <param name="model">the network</param>
    /// <param name="x">inputs, shape (N, d)</param>
    /// <param name="a1">L1's output, shape (N, M)</param>
    /// <param name="h1">the relu's output, shape (N, M)</param>
    /// <param name="a2">L2's output (logits), shape (N, K)</param>
    /// <param name="y">labels, length N</param>
    /// <returns>dL/dx, shape (N, d)</returns>
    public static Tensor BackwardPass(Hw3Mlp model, Tensor x, Tensor a1, Tensor h1, Tensor a2, int[] y)
    {
        ArgumentNullException.ThrowIfNull(model);
        // TASK(model.backward_pass): grad_a2 = loss.Backward(a2, y); then L2.Backward(h1, ...), Nonlinear1.Backward(a1, ...), L1.Backward(x, ...); return grad_x.
        // BEGIN SOLUTION model.backward_pass
        // Walk the layers from the output back to the input, each taking the gradient of its output and the input it saw.
        (NeuralNet.Layers.Module Layer, Tensor Input)[] backwards = [(model.L2, h1), (model.Nonlinear1, a1), (model.L1, x)];
        var upstream = model.Loss.Backward(a2, y);
        foreach (var (layer, input) in backwards)
        {
            upstream = layer.Backward(input, upstream);
        }

        return upstream;
        // END SOLUTION
    }

    /// <summary>HW3 3.1.3's <c>miniBatchGradientDescent</c>: w &lt;- w - eta * dw for every parameter.</summary>
    /// <param name="model">the network, after <see cref="BackwardPass"/></param>
    /// <param name="learningRate">eta</param>
    public static void MiniBatchGradientDescent(Hw3Mlp model, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(model);
        Sgd.Update(model.Parameters, learningRate);
    }

    /// <summary>Predicted labels, argmax of the logits.</summary>
    /// <param name="model">the network</param>
    /// <param name="x">inputs, shape (N, d)</param>
    /// <returns>predicted classes, length N</returns>
    public static int[] Predict(Hw3Mlp model, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(model);
        var h1 = model.Nonlinear1.Forward(model.L1.Forward(x));
        return model.L2.Forward(h1).ArgMaxRows();
    }

    /// <summary>
    /// HW3 3.1.5's <c>gradient_checker</c>: backpropagates one batch, then compares entry (0, 0) of W1, b1,
    /// W2 and b2 with the central-difference approximation.
    /// </summary>
    /// <param name="model">the network (its parameters are restored afterwards)</param>
    /// <param name="x">inputs, shape (N, d)</param>
    /// <param name="y">labels, length N</param>
    /// <param name="epsilon">HW3's eps = 1e-3</param>
    /// <returns>one entry per checked parameter, in the order L1.W, L1.b, L2.W, L2.b</returns>
    public static IReadOnlyList<GradientCheckEntry> GradientChecker(Hw3Mlp model, Tensor x, int[] y, double epsilon = Gradients.GradientChecker.DefaultEpsilon)
    {
        ArgumentNullException.ThrowIfNull(model);
        var forward = ForwardPass(model, x, y);
        BackwardPass(model, x, forward.A1, forward.H1, forward.A2, y);
        var entries = new List<GradientCheckEntry>();
        foreach (var (layerName, parameterName) in CheckedParameters)
        {
            var layer = layerName == "L1" ? model.L1 : model.L2;
            var parameter = parameterName == "W" ? layer.W : layer.B;
            var backprop = parameter.Grad[0, 0];
            var approximate = Gradients.GradientChecker.ApproximateEntry(() => ForwardPass(model, x, y).Loss, parameter.Value, [0, 0], epsilon);
            entries.Add(new GradientCheckEntry(layerName, parameterName, backprop, approximate));
        }

        return entries;
    }
}
