using Autograder.Worker.Protocol;
using NeuralNet;

namespace Autograder.Grader.Checks.Kinds;

/// <summary>
/// <c>function</c>: a static method (method_type.method) called on both sides with method_args and the
/// results compared whatever they are (<see cref="ResultCompare"/>: tensors and numbers within atol/rtol,
/// labels exactly, records property by property). <c>$x</c> is a random input of shape <c>input</c>
/// (scaled by <c>scale</c>), <c>$y</c> random labels of <c>classes</c>; tensors, setup, functions and
/// reference values work as in every check (<see cref="CallSteps"/>). A1's utilities (softmax,
/// cross-entropy, accuracy, sigmoid and ReLU with derivatives, the data split and batches) are such functions.
/// </summary>
internal sealed class FunctionCheck : ICheckKind
{
    public string Kind => "function";

    public void RunCase(CheckContext c, int caseIndex)
    {
        var rng = new Rng(c.CaseSeed);
        c.Both(new WorkerRequest(0, "reset"));
        if (c.Spec.Input is { } shape)
        {
            var x = Inputs.Normal(rng, [.. shape], c.Spec.Scale, c.Spec.IncludeZeros);
            c.Inline["x"] = x;
            c.Hint("x", HintRole.Input, x);
            c.Inline["y"] = Inputs.Labels(rng, shape[0], c.Spec.Classes);
        }

        CallSteps.Prepare(c, rng);
        var method = c.Spec.Method ?? throw new RubricError("function needs method");
        var call = new WorkerRequest(0, "call", Type: c.Spec.MethodType ?? throw new RubricError("function needs method_type"), Member: method, Args: c.Args(c.Spec.MethodArgs), ReturnArgs: true);
        var expected = c.Reference(call);
        var response = c.Student(call);
        ResultCompare.AssertSame(c, $"{method}(...)", expected, response.Value ?? new NullValue());
        if (c.Inline.TryGetValue("x", out var sent) && c.Spec.MethodArgs.IndexOf("$x") is var at && at >= 0 && response.Args is { } after && at < after.Count)
        {
            ModuleHarness.AssertUnchanged(c, "x", sent, after[at]);
        }
    }
}
