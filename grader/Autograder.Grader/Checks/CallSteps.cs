using Autograder.Grader.Rubrics;
using Autograder.Worker.Protocol;
using NeuralNet;

namespace Autograder.Grader.Checks;

/// <summary>
/// Runs the rubric-written calls of a check (<see cref="CheckSpec.Tensors"/>, <see cref="CheckSpec.Setup"/>,
/// <see cref="CheckSpec.Functions"/>, <see cref="CheckSpec.ReferenceValues"/>). This is how a check feeds a
/// method inputs it cannot draw at random: the forward pass's outputs for HW3's backward_pass are computed
/// by the reference and sent as values; the loss closure of HW3's gradient checker is built in each
/// process from provided code, so no delegate crosses the process boundary.
/// </summary>
internal static class CallSteps
{
    /// <summary>Everything the check declares, in order: tensors, reference values, setup, functions (setup may use reference values).</summary>
    public static void Prepare(CheckContext c, Rng rng)
    {
        // The case's inputs are also bound by name, so calls can be made on them ($x.MatMul).
        foreach (var (name, value) in c.Inline.ToList())
        {
            c.Both(new WorkerRequest(0, "let", Args: [value], Bind: name));
        }

        foreach (var (name, shape) in c.Spec.Tensors ?? [])
        {
            var value = Inputs.Normal(rng, [.. shape]);
            c.Both(new WorkerRequest(0, "let", Args: [value], Bind: name));
            c.Inline[$"{name}_index"] = new IntsValue([.. shape.Select(rng.NextInt)]);
            c.Sent[name] = value;
        }

        foreach (var step in c.Spec.ReferenceValues)
        {
            var bind = step.Bind ?? "__value";
            var result = c.Reference(Request(c, step) with { Bind = bind });
            if (step.Values is null)
            {
                c.Inline[bind] = result;
                continue;
            }

            foreach (var (token, member) in step.Values)
            {
                c.Inline[token] = c.Reference(new WorkerRequest(0, "get", Target: bind, Member: member));
            }
        }

        foreach (var step in c.Spec.Setup)
        {
            c.Both(Request(c, step));
        }

        foreach (var (name, body) in c.Spec.Functions ?? [])
        {
            c.Functions[name] = new FuncValue([.. body.Select(step => Request(c, step))]);
        }
    }

    /// <summary>Fails when a call left one of the check's tensors changed (e.g. a perturbed entry not restored).</summary>
    public static void AssertTensorsRestored(CheckContext c, string call)
    {
        foreach (var (name, sent) in c.Sent)
        {
            var now = c.Student(new WorkerRequest(0, "call", Target: name, Member: "Clone")).Value!;
            var before = sent.Values();
            if (now is not TensorValue t || t.Values() is not { } after || after.Length != before.Length)
            {
                throw new CheckFailure($"{call} replaced the tensor it was given");
            }

            // NaN must rank above every number here: a NaN left behind is the worst change, never hidden by it.
            var worst = Enumerable.Range(0, before.Length).MaxBy(i => Change(before[i], after[i]));
            if (Math.Abs(after[worst] - before[worst]) > 1e-12 || double.IsNaN(after[worst]))
            {
                throw new CheckFailure(
                    $"{call} left {name} changed at index {TensorCompare.Index(sent.Shape, worst)} ({TensorCompare.Format(before[worst])} became {TensorCompare.Format(after[worst])}); restore every entry you perturb");
            }
        }
    }

    /// <summary>|after - before|, with NaN (a NaN on one side only) as +infinity; 0 when both are the same NaN or infinity.</summary>
    internal static double Change(double before, double after) =>
        before.Equals(after) ? 0 : Math.Abs(after - before) is var d && double.IsNaN(d) ? double.PositiveInfinity : d;

    /// <summary>The worker request of one written call.</summary>
    public static WorkerRequest Request(CheckContext c, CallSpec step)
    {
        var args = c.Args(step.Args);
        if (step.New is { } type)
        {
            return new WorkerRequest(0, "new", Type: type, Args: args, Bind: step.Bind);
        }

        var (target, member, op) = step switch
        {
            { Call: { } call } => (Split(call).Owner, Split(call).Member, "call"),
            { Get: { } get } => (Split(get).Owner, Split(get).Member, "get"),
            { Set: { } set } => (Split(set).Owner, Split(set).Member, "set"),
            _ => throw new RubricError("a call step needs one of new, call, get or set"),
        };
        return target.StartsWith('$')
            ? new WorkerRequest(0, op, Target: target[1..], Member: member, Args: args, Bind: step.Bind)
            : new WorkerRequest(0, op, Type: target, Member: member, Args: args, Bind: step.Bind);
    }

    private static (string Owner, string Member) Split(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot <= 0 || dot == path.Length - 1 ? throw new RubricError($"'{path}' is not Type.Member or $name.Member") : (path[..dot], path[(dot + 1)..]);
    }
}
