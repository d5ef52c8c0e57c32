using Autograder.Worker.Protocol;
using NeuralNet;

namespace Autograder.Grader.Checks;

/// <summary>
/// The steps module checks share: build the module under test on both sides (as <c>$m</c>), list
/// its parameters, give both sides the same random parameter values, and read values or gradients.
/// Setting the parameters makes forward/backward checks independent of the student's init.
/// </summary>
internal static class ModuleHarness
{
    public sealed record Params(IReadOnlyList<string> Names, IReadOnlyList<int[]> Shapes, IReadOnlyList<string> ReferenceHandles, IReadOnlyList<string> StudentHandles);

    public static void Construct(CheckContext c, string? type = null, IEnumerable<string>? args = null)
    {
        c.Both(new WorkerRequest(0, "reset"));
        if (type is null && c.Spec.Factory is { } factory)
        {
            var dot = factory.LastIndexOf('.');
            c.Both(new WorkerRequest(0, "call", Type: factory[..Math.Max(0, dot)], Member: factory[(dot + 1)..], Args: c.Args(args ?? c.Spec.Args), Bind: "m"));
            return;
        }

        var typeName = type ?? c.Spec.Type ?? throw new RubricError($"check '{c.Spec.Kind}' needs a type or a factory");
        c.Both(new WorkerRequest(0, "new", Type: typeName, Args: c.Args(args ?? c.Spec.Args), Bind: "m"));
    }

    /// <summary>The module's parameters on both sides, matched by position and checked by name.</summary>
    public static Params List(CheckContext c, string target = "m")
    {
        var (expected, got) = c.Both(new WorkerRequest(0, "get", Target: target, Member: "Parameters", Bind: "ps"));
        return Match(c, expected, got);
    }

    /// <summary>Like <see cref="List"/>, but an object without parameters (a loss) gives an empty list.</summary>
    public static Params ListIfAny(CheckContext c, string target = "m")
    {
        WireValue expected;
        try
        {
            expected = c.Reference(new WorkerRequest(0, "get", Target: target, Member: "Parameters", Bind: "ps"));
        }
        catch (RubricError ex) when (ex.Message.Contains("MissingMemberException", StringComparison.Ordinal))
        {
            return new Params([], [], [], []);
        }

        return Match(c, expected, c.Student(new WorkerRequest(0, "get", Target: target, Member: "Parameters", Bind: "ps")).Value ?? new NullValue());
    }

    private static Params Match(CheckContext c, WireValue expected, WireValue got)
    {
        var refHandles = Handles(expected, "the reference's Parameters");
        if (got is not ListValue)
        {
            throw new CheckFailure($"Parameters should list {refHandles.Count} parameters, got {TensorCompare.Describe(got)}");
        }

        var stuHandles = Handles(got, "Parameters");
        var names = refHandles.Select(h => Text(c.Reference(new WorkerRequest(0, "get", Target: h, Member: "Name")))).ToList();
        var shapes = refHandles.Select(h => ((TensorValue)c.Reference(new WorkerRequest(0, "get", Target: h, Member: "Value"))).Shape).ToList();
        if (stuHandles.Count != refHandles.Count)
        {
            throw new CheckFailure($"Parameters should list {refHandles.Count} parameters ({string.Join(", ", names)}), found {stuHandles.Count}");
        }

        for (var i = 0; i < names.Count; i++)
        {
            var name = Text(c.Student(new WorkerRequest(0, "get", Target: stuHandles[i], Member: "Name")).Value!);
            if (name != names[i])
            {
                throw new CheckFailure($"parameter #{i} should be named '{names[i]}', found '{name}'");
            }

            var value = c.Student(new WorkerRequest(0, "get", Target: stuHandles[i], Member: "Value")).Value!;
            if (value is not TensorValue t || !t.Shape.SequenceEqual(shapes[i]))
            {
                throw new CheckFailure($"parameter #{i} ({names[i]}) should have shape {TensorCompare.Shape(shapes[i])}, found {TensorCompare.Describe(value)}");
            }
        }

        return new Params(names, shapes, refHandles, stuHandles);
    }

    /// <summary>
    /// Parameters made directly on both sides (<c>new NeuralNet.Layers.Parameter(name, value)</c>, bound as
    /// <c>$p0</c>, <c>$p1</c>, ...) with the same random values; their list is the inline value <c>$ps</c>.
    /// </summary>
    public static Params Free(CheckContext c, IReadOnlyDictionary<string, List<int>> shapes, Rng rng)
    {
        c.Both(new WorkerRequest(0, "reset"));
        var handles = new List<string>();
        foreach (var (name, shape) in shapes)
        {
            var handle = $"p{handles.Count}";
            c.Both(new WorkerRequest(0, "new", Type: "NeuralNet.Layers.Parameter", Args: [new StringValue(name), Inputs.Normal(rng, [.. shape], 0.5)], Bind: handle));
            handles.Add(handle);
        }

        c.Inline["ps"] = new ListValue([.. handles.Select(h => new RefValue(h))]);
        return new Params([.. shapes.Keys], [.. shapes.Values.Select(s => s.ToArray())], handles, handles);
    }

    /// <summary>Gives parameter values (or, with member Grad, gradients) drawn from <paramref name="rng"/> to both sides; returns them.</summary>
    public static List<TensorValue> Randomise(CheckContext c, Params ps, Rng rng, string member = "Value", double std = 0.5)
    {
        var drawn = new List<TensorValue>();
        for (var i = 0; i < ps.Names.Count; i++)
        {
            var value = Inputs.Normal(rng, ps.Shapes[i], std);
            drawn.Add(value);
            c.Reference(new WorkerRequest(0, "set", Target: ps.ReferenceHandles[i], Member: member, Args: [value]));
            c.Student(new WorkerRequest(0, "set", Target: ps.StudentHandles[i], Member: member, Args: [value]));
            if (member == "Value" && IsBias(ps.Names[i]))
            {
                c.Hint(ps.Names[i], HintRole.Bias, value);
            }
        }

        return drawn;
    }

    /// <summary>A parameter added to every row of the output, by its name (b, B, bias, beta, b1...).</summary>
    private static bool IsBias(string name) =>
        name.StartsWith('b') || name.StartsWith('B') || name.Contains("bias", StringComparison.OrdinalIgnoreCase) || name.Equals("beta", StringComparison.OrdinalIgnoreCase);

    /// <summary>Compares each parameter's <paramref name="member"/> (Value or Grad) between the sides.</summary>
    /// <param name="c">the check's context</param>
    /// <param name="ps">the parameters on both sides</param>
    /// <param name="member">Value or Grad</param>
    /// <param name="label">how the message names them ("gradient of")</param>
    /// <param name="before">per parameter, what its <paramref name="member"/> held before the call (names an accumulating backward)</param>
    public static void AssertParams(CheckContext c, Params ps, string member, string label, IReadOnlyList<TensorValue?>? before = null)
    {
        for (var i = 0; i < ps.Names.Count; i++)
        {
            var expected = c.Reference(new WorkerRequest(0, "get", Target: ps.ReferenceHandles[i], Member: member));
            var got = c.Student(new WorkerRequest(0, "get", Target: ps.StudentHandles[i], Member: member)).Value!;
            var what = $"{label} {ps.Names[i]}{(ps.Names.Count(n => n == ps.Names[i]) > 1 ? $" (#{i})" : "")}";
            try
            {
                TensorCompare.AssertClose(what, expected, got, c.Spec.Atol, c.Spec.Rtol, c.Hints);
            }
            catch (CheckFailure)
            {
                // Only a failing comparison pays for the hints that name the likely mistake: the other parameters'
                // expected values (the gradient of the wrong tensor) and what this one held before the call (+=).
                var k = i;
                var others = Enumerable.Range(0, ps.Names.Count).Where(n => n != k)
                    .Select(n => TensorCompare.HintOf($"the {label} {ps.Names[n]}", HintRole.Expected, c.Reference(new WorkerRequest(0, "get", Target: ps.ReferenceHandles[n], Member: member))))
                    .OfType<Hint>();
                var held = before is { Count: > 0 } && i < before.Count && before[i] is { } b ? [new Hint($"{ps.Names[i]}.{member}", HintRole.Before, b.Shape, b.Values())] : Array.Empty<Hint>();
                TensorCompare.AssertClose(what, expected, got, c.Spec.Atol, c.Spec.Rtol, [.. c.Hints, .. others, .. held]);
                throw;
            }
        }
    }

    /// <summary>
    /// A call changed an input the student was given (the host kept a copy): a failure when the check declares
    /// <c>inputs_read_only</c> (and the TODO says so), else a warning in the feedback: numpy habits such as
    /// <c>x[x &lt; 0] = 0</c> give the right output and lose no points.
    /// </summary>
    public static void AssertUnchanged(CheckContext c, string name, WireValue sent, WireValue after)
    {
        if (sent is not TensorValue s || after is not TensorValue a || s.Data.AsSpan().SequenceEqual(a.Data))
        {
            return;
        }

        if (c.Spec.InputsReadOnly)
        {
            throw new CheckFailure($"{name} was modified in place; this part must not change the inputs it is given (copy them first)");
        }

        c.Warnings.Add($"warning (no points lost): {name} was modified in place; callers that reuse {name} would see the change, so prefer returning a new tensor");
    }

    private static List<string> Handles(WireValue list, string what) =>
        list is ListValue l
            ? l.Items.Select(i => i is ObjectValue o ? o.Handle : throw new CheckFailure($"{what} should hold Parameter objects")).ToList()
            : throw new RubricError($"{what} is not a list");

    private static string Text(WireValue v) => v is StringValue s ? s.Value : TensorCompare.Describe(v);
}
