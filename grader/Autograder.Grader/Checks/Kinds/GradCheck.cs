using Autograder.Worker.Protocol;
using NeuralNet;

namespace Autograder.Grader.Checks.Kinds;

/// <summary>
/// <c>gradcheck</c>, two modes.
/// <c>module</c> (default): the student's Backward is compared with central differences
/// (f(w+h) - f(w-h)) / 2h computed on the host with the reference forward and the loss
/// L = sum(Forward(x) * grad), for x and every parameter; passes when the CS231n relative error
/// is at most max_rel_error. Params: type, args, input, cases, max_rel_error.
/// <c>function</c>: the student's static method (method_type.method) is called with method_args and
/// its result compared with the reference's, which computes true central differences of the same
/// function. HW3's <c>ApproximateEntry(loss, w, index, eps)</c> gets a loss closure from
/// <c>functions</c> (built in each process from provided code), a random tensor <c>$w</c> from
/// <c>tensors</c> and a random entry <c>$w_index</c>; afterwards w must be as it was (restored).
/// Params: method_type, method, method_args (<c>$m</c> is the module built from type/args when given,
/// <c>$x</c> a random input of shape input, <c>$y</c> labels), tensors, setup, functions, atol, rtol.
/// </summary>
internal sealed class GradCheck : ICheckKind
{
    private const double Step = 1e-5;

    public string Kind => "gradcheck";

    public void RunCase(CheckContext c, int caseIndex)
    {
        if (c.Spec.Mode == "function")
        {
            RunFunction(c);
            return;
        }

        var rng = new Rng(c.CaseSeed);
        ModuleHarness.Construct(c);
        var ps = ModuleHarness.List(c);
        ModuleHarness.Randomise(c, ps, rng);
        var x = Inputs.Normal(rng, [.. c.Spec.Input ?? throw new RubricError("gradcheck needs input")]);
        var output = (TensorValue)c.Reference(new WorkerRequest(0, "call", Target: "m", Member: "Forward", Args: [x]));
        var grad = Inputs.Normal(rng, output.Shape);
        c.Student(new WorkerRequest(0, "call", Target: "m", Member: "Forward", Args: [x]));
        var dx = c.Student(new WorkerRequest(0, "call", Target: "m", Member: "Backward", Args: [x, grad])).Value!;
        Compare(c, "the gradient w.r.t. x", Numerical(c, x, grad, v => v, null), dx);
        for (var i = 0; i < ps.Names.Count; i++)
        {
            var value = (TensorValue)c.Reference(new WorkerRequest(0, "get", Target: ps.ReferenceHandles[i], Member: "Value"));
            var handle = ps.ReferenceHandles[i];
            var numeric = Numerical(c, value, grad, v => x, v => c.Reference(new WorkerRequest(0, "set", Target: handle, Member: "Value", Args: [v])));
            var got = c.Student(new WorkerRequest(0, "get", Target: ps.StudentHandles[i], Member: "Grad")).Value!;
            Compare(c, $"the gradient of {ps.Names[i]}", numeric, got);
        }
    }

    private static void RunFunction(CheckContext c)
    {
        var rng = new Rng(c.CaseSeed);
        if (c.Spec.Type is not null)
        {
            ModuleHarness.Construct(c);
            ModuleHarness.Randomise(c, ModuleHarness.List(c), rng);
        }

        if (c.Spec.Input is { } shape)
        {
            c.Inline["x"] = Inputs.Normal(rng, [.. shape]);
            c.Inline["y"] = Inputs.Labels(rng, shape[0], c.Spec.Classes);
        }

        CallSteps.Prepare(c, rng);
        var call = new WorkerRequest(0, "call", Type: c.Spec.MethodType ?? throw new RubricError("gradcheck function mode needs method_type"),
            Member: c.Spec.Method ?? throw new RubricError("gradcheck function mode needs method"), Args: c.Args(c.Spec.MethodArgs));
        var (expected, got) = c.Both(call);
        var where = c.Inline.Where(kv => kv.Key.EndsWith("_index", StringComparison.Ordinal) && kv.Value is IntsValue)
            .Select(kv => $" for {kv.Key[..^6]}[{string.Join(", ", ((IntsValue)kv.Value).Values)}]").FirstOrDefault() ?? "";
        TensorCompare.AssertClose($"{c.Spec.Method}(...){where}", expected, got, c.Spec.Atol, c.Spec.Rtol);
        CallSteps.AssertTensorsRestored(c, $"{c.Spec.Method}(...)");
    }

    private static void Compare(CheckContext c, string what, TensorValue numeric, WireValue got)
    {
        if (got is not TensorValue g || !g.Shape.SequenceEqual(numeric.Shape))
        {
            throw new CheckFailure($"{what}: expected a tensor of shape {TensorCompare.Shape(numeric.Shape)}, got {TensorCompare.Describe(got)}");
        }

        var (error, at) = TensorCompare.RelError(numeric.Values(), g.Values());
        if (error > c.Spec.MaxRelError)
        {
            throw new CheckFailure(
                $"{what} disagrees with the numerical gradient: relative error {error:g3} > {c.Spec.MaxRelError:g3}; " +
                $"at index {TensorCompare.Index(numeric.Shape, at)} numerical {TensorCompare.Format(numeric.Values()[at])}, backward {TensorCompare.Format(g.Values()[at])}");
        }
    }

    /// <summary>Central differences of L = sum(Forward(x) * grad) w.r.t. <paramref name="point"/> (x itself, or a parameter written back through <paramref name="write"/>).</summary>
    private static TensorValue Numerical(CheckContext c, TensorValue point, TensorValue grad, Func<TensorValue, TensorValue> input, Action<TensorValue>? write)
    {
        var values = point.Values();
        var g = grad.Values();
        var result = new double[values.Length];
        double Loss(double[] v)
        {
            var at = TensorValue.From(point.Shape, v);
            write?.Invoke(at);
            var y = (TensorValue)c.Reference(new WorkerRequest(0, "call", Target: "m", Member: "Forward", Args: [write is null ? at : input(at)]));
            return y.Values().Zip(g, (a, b) => a * b).Sum();
        }

        for (var i = 0; i < values.Length; i++)
        {
            var original = values[i];
            values[i] = original + Step;
            var plus = Loss(values);
            values[i] = original - Step;
            var minus = Loss(values);
            values[i] = original;
            result[i] = (plus - minus) / (2 * Step);
        }

        write?.Invoke(point);
        return TensorValue.From(point.Shape, result);
    }
}
