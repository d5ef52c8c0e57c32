using Autograder.Worker.Protocol;
using NeuralNet;

namespace Autograder.Grader.Checks.Kinds;

/// <summary>
/// <c>model</c>: builds the model (type/args as <c>$m</c>). With <c>parameter_count</c>, the total
/// size of its parameters must equal it. With <c>method</c>, both sides get the same parameters,
/// input <c>$x</c> (shape input) and labels <c>$y</c> (classes), then the check's tensors, setup and
/// reference values (<see cref="CallSteps"/>; HW3's backward_pass gets the reference forward pass's
/// a1, h1, a2), the method is called with method_args (static on method_type, else on <c>$m</c>), and
/// the return value and every parameter gradient must match: calling the layers' backward in the wrong
/// order or with the wrong inputs changes them. With <c>output_shape</c>, calling the method must give
/// a tensor of that shape (a forward check of a model the student assembles). <c>compare_result: false</c> compares the
/// gradients only (a backward item: a wrong loss value belongs to the loss's item).
/// </summary>
internal sealed class ModelCheck : ICheckKind
{
    public string Kind => "model";

    public void RunCase(CheckContext c, int caseIndex)
    {
        var rng = new Rng(c.CaseSeed);
        ModuleHarness.Construct(c);
        var ps = ModuleHarness.ListIfAny(c);
        if (c.Spec.ParameterCount is { } count)
        {
            var total = ps.StudentHandles
                .Select(h => c.Student(new WorkerRequest(0, "get", Target: h, Member: "Value")).Value)
                .Sum(v => v is TensorValue t ? t.Shape.Aggregate(1, (a, b) => a * b) : 0);
            if (total != count)
            {
                throw new CheckFailure($"the model should have {count:N0} parameters, found {total:N0}");
            }
        }

        if (c.Spec.Method is not { } method)
        {
            return;
        }

        ModuleHarness.Randomise(c, ps, rng);
        if (c.Spec.Input is { } shape)
        {
            c.Inline["x"] = Inputs.Normal(rng, [.. shape]);
            c.Inline["y"] = Inputs.Labels(rng, shape[0], c.Spec.Classes);
        }

        CallSteps.Prepare(c, rng);
        var args = c.Args(c.Spec.MethodArgs);
        var call = c.Spec.MethodType is { } type
            ? new WorkerRequest(0, "call", Type: type, Member: method, Args: args)
            : new WorkerRequest(0, "call", Target: c.Spec.MethodTarget ?? "m", Member: method, Args: args);
        var (expected, got) = c.Both(call);
        if (c.Spec.CompareResult)
        {
            ResultCompare.AssertSame(c, $"{method}(...) result", expected, got);
        }

        ModuleHarness.AssertParams(c, ps, "Grad", $"after {method}, gradient of");
    }
}
