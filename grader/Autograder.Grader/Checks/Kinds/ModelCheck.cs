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
/// gradients only (a backward item: a wrong loss value belongs to the loss's item). With <c>dropout_layers: true</c>, the
/// Dropout layers of <c>$m.Network</c> must match the reference's in number, rate and place (layers with parameters before).
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

        if (c.Spec.DropoutLayers)
        {
            var wantDropouts = Dropouts(r => c.Reference(r), "the reference");
            var gotDropouts = Dropouts(r => c.Student(r).Value ?? new NullValue(), "your model");
            // Rates within 1e-9: a rate computed as 1 - (1 - r) is the same rate.
            if (wantDropouts.Count != gotDropouts.Count || wantDropouts.Zip(gotDropouts).Any(p => p.First.After != p.Second.After || !(Math.Abs(p.First.Rate - p.Second.Rate) <= 1e-9)))
            {
                throw new CheckFailure($"dropout layers: expected {Describe(wantDropouts)}, found {Describe(gotDropouts)}");
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

    /// <summary>Each Dropout layer of <c>$m.Network</c> in order: its rate and how many layers with parameters come before it.</summary>
    private static List<(int After, double Rate)> Dropouts(Func<WorkerRequest, WireValue> send, string whose)
    {
        var found = new List<(int, double)>();
        var parameterised = 0;
        void Walk(WireValue sequential, int depth)
        {
            if (sequential is not ObjectValue seq || depth > 4)
            {
                throw new CheckFailure($"dropout layers: {whose} has no Network of layers to inspect");
            }

            if (send(new WorkerRequest(0, "get", Target: seq.Handle, Member: "Layers")) is not ListValue layers)
            {
                throw new CheckFailure($"dropout layers: {whose} Network lists no layers");
            }

            foreach (var entry in layers.Items)
            {
                if (entry is not ListValue { Items: [_, ObjectValue module] })
                {
                    throw new CheckFailure($"dropout layers: {whose} Network holds an entry that is not a (name, layer) pair");
                }

                if (module.Type.EndsWith(".Sequential", StringComparison.Ordinal))
                {
                    Walk(module, depth + 1);
                }
                else if (module.Type.EndsWith(".Dropout", StringComparison.Ordinal))
                {
                    var rate = send(new WorkerRequest(0, "get", Target: module.Handle, Member: "Rate"));
                    found.Add((parameterised, rate is DoubleValue d ? d.Value : double.NaN));
                }
                else if (send(new WorkerRequest(0, "get", Target: module.Handle, Member: "Parameters")) is ListValue { Items.Count: > 0 })
                {
                    parameterised++;
                }
            }
        }

        Walk(send(new WorkerRequest(0, "get", Target: "m", Member: "Network")), 0);
        return found;
    }

    private static string Describe(List<(int After, double Rate)> dropouts) =>
        dropouts.Count == 0
            ? "no dropout layer"
            : string.Join(", ", dropouts.Select(d => $"dropout with rate {d.Rate:g3} after {d.After} layer{(d.After == 1 ? "" : "s")} with parameters"));
}
