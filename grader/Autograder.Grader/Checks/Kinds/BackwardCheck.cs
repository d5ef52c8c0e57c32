using Autograder.Worker.Protocol;
using NeuralNet;

namespace Autograder.Grader.Checks.Kinds;

/// <summary>
/// <c>backward</c>: same parameters and input on both sides, Forward(x) then Backward(x, grad) with a
/// random upstream gradient; the input gradient and every parameter's Grad must match, and neither
/// x nor grad may be modified. The parameters' gradients start non-zero and Backward runs twice (the first time with
/// another upstream gradient), so a layer that accumulates (<c>W.Grad += ...</c>) or keeps state between calls
/// differs from one that stores its gradients. Params: type, args, input, cases, atol, rtol, include_zeros.
/// </summary>
internal sealed class BackwardCheck : ICheckKind
{
    public string Kind => "backward";

    public void RunCase(CheckContext c, int caseIndex)
    {
        var rng = new Rng(c.CaseSeed);
        ModuleHarness.Construct(c);
        var ps = ModuleHarness.List(c);
        ModuleHarness.Randomise(c, ps, rng);
        var x = Inputs.Normal(rng, [.. c.Spec.Input ?? throw new RubricError("backward needs input")], includeZeros: c.Spec.IncludeZeros);
        var forward = new WorkerRequest(0, "call", Target: "m", Member: "Forward", Args: [x]);
        var output = (TensorValue)c.Reference(forward);
        c.Student(forward);
        ModuleHarness.Randomise(c, ps, rng, "Grad");
        var first = new WorkerRequest(0, "call", Target: "m", Member: "Backward", Args: [x, Inputs.Normal(rng, output.Shape)]);
        c.Reference(first);
        c.Student(first);
        // What the student's gradients hold before the graded call: an accumulating backward ends at that plus the expected value.
        var before = ps.StudentHandles.Select(h => c.Student(new WorkerRequest(0, "get", Target: h, Member: "Grad")).Value as TensorValue).ToList();
        var grad = Inputs.Normal(rng, output.Shape);
        var backward = new WorkerRequest(0, "call", Target: "m", Member: "Backward", Args: [x, grad], ReturnArgs: true);
        c.Hint("x", HintRole.Input, x);
        c.Hint("the upstream gradient", HintRole.Upstream, grad);
        var expected = c.Reference(backward);
        var response = c.Student(backward);
        TensorCompare.AssertClose("Backward(x, grad): the gradient w.r.t. x", expected, response.Value!, c.Spec.Atol, c.Spec.Rtol, c.Hints);
        ModuleHarness.AssertParams(c, ps, "Grad", "gradient of", before);
        ModuleHarness.AssertUnchanged(c, "x", x, response.Args![0]);
        ModuleHarness.AssertUnchanged(c, "grad", grad, response.Args![1]);
    }
}
