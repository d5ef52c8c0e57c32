using Autograder.Worker.Protocol;
using NeuralNet;

namespace Autograder.Grader.Checks.Kinds;

/// <summary>
/// <c>forward</c>: both sides get the same parameters and a random input of shape <c>input</c>;
/// the outputs must match within atol/rtol and the input must come back unchanged.
/// Params: type, args, input, cases, atol, rtol, include_zeros.
/// </summary>
internal sealed class ForwardCheck : ICheckKind
{
    public string Kind => "forward";

    public void RunCase(CheckContext c, int caseIndex)
    {
        var rng = new Rng(c.CaseSeed);
        ModuleHarness.Construct(c);
        var ps = ModuleHarness.List(c);
        ModuleHarness.Randomise(c, ps, rng);
        var x = Inputs.Normal(rng, [.. c.Spec.Input ?? throw new RubricError("forward needs input")], includeZeros: c.Spec.IncludeZeros);
        c.Hint("x", HintRole.Input, x);
        var call = new WorkerRequest(0, "call", Target: "m", Member: "Forward", Args: [x], ReturnArgs: true);
        var expected = c.Reference(call);
        var response = c.Student(call);
        TensorCompare.AssertClose($"Forward(x) for x of shape {TensorCompare.Shape(x.Shape)}", expected, response.Value!, c.Spec.Atol, c.Spec.Rtol, c.Hints);
        ModuleHarness.AssertUnchanged(c, "x", x, response.Args![0]);
    }
}
