using Autograder.Worker.Protocol;
using NeuralNet;

namespace Autograder.Grader.Checks.Kinds;

/// <summary>
/// <c>optimizer</c>: a module (type/args, as <c>$m</c>, its parameter list as <c>$ps</c>), or bare
/// parameters (<c>parameter_shapes</c>, their list as <c>$ps</c>), gets the same random values on both sides; then for each of <c>steps</c> steps both get the same random
/// gradients and the optimizer steps. With <c>optimizer</c> set, that type is constructed from
/// optimizer_args (as <c>$opt</c>) and its <c>method</c> (default Step) called with <c>method_args</c>; with
/// <c>method_target</c> (e.g. <c>m</c>), that binding's method is called (a model's own SGD step);
/// without it, the static method_type.method is called with <c>method_args</c>. Parameters must match
/// after every step, so momentum state that is wrong shows up by step 2.
/// </summary>
internal sealed class OptimizerCheck : ICheckKind
{
    public string Kind => "optimizer";

    public void RunCase(CheckContext c, int caseIndex)
    {
        var rng = new Rng(c.CaseSeed);
        ModuleHarness.Params ps;
        if (c.Spec.ParameterShapes is { } shapes)
        {
            ps = ModuleHarness.Free(c, shapes, rng);
        }
        else
        {
            ModuleHarness.Construct(c);
            ps = ModuleHarness.List(c);
            ModuleHarness.Randomise(c, ps, rng);
        }
        if (c.Spec.Optimizer is { } optimizer)
        {
            c.Both(new WorkerRequest(0, "new", Type: optimizer, Args: c.Args(c.Spec.OptimizerArgs), Bind: "opt"));
        }

        var method = c.Spec.Method ?? "Step";
        for (var step = 1; step <= c.Spec.Steps; step++)
        {
            ModuleHarness.Randomise(c, ps, rng, "Grad");
            var call = (c.Spec.Optimizer, c.Spec.MethodTarget) switch
            {
                (not null, _) => new WorkerRequest(0, "call", Target: "opt", Member: method, Args: c.Args(c.Spec.MethodArgs)),
                (null, { } target) => new WorkerRequest(0, "call", Target: target, Member: method, Args: c.Args(c.Spec.MethodArgs)),
                _ => new WorkerRequest(0, "call", Type: c.Spec.MethodType ?? throw new RubricError("optimizer needs optimizer, method_target or method_type"), Member: method, Args: c.Args(c.Spec.MethodArgs)),
            };
            c.Both(call);
            ModuleHarness.AssertParams(c, ps, c.Spec.Compare, $"after step {step} of {c.Spec.Steps}, {(c.Spec.Compare == "Grad" ? "the gradient of" : "parameter")}");
        }
    }
}
