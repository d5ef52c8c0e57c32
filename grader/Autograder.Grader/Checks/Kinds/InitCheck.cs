using Autograder.Grader.Rubrics;
using Autograder.Worker.Protocol;

namespace Autograder.Grader.Checks.Kinds;

/// <summary>
/// <c>init</c>: the distribution of freshly drawn weights, never their exact values (a correct init that draws in
/// another order passes). Module form: constructs the module (args may hold <c>rng</c>) and checks each parameter's
/// name and shape against the reference, its entries against <c>params</c> and that its gradient starts as zeros.
/// Function form (<c>method_type</c> + <c>method</c>, e.g. HW5's InitializeWeights): the returned tensor, named
/// <c>result</c> in <c>params</c>, must have the reference's shape. Each case draws with a fresh seed.
/// Params: type, args | method_type, method, method_args; params {name: {mean, std, tolerance, min, max, zero_columns}}, zero_grads, cases.
/// </summary>
internal sealed class InitCheck : ICheckKind
{
    public string Kind => "init";

    public int CaseCount(CheckSpec spec) => spec.Cases;

    public void RunCase(CheckContext c, int caseIndex)
    {
        if (c.Spec.Method is { } method)
        {
            c.Both(new WorkerRequest(0, "reset"));
            var call = new WorkerRequest(0, "call", Type: c.Spec.MethodType ?? throw new RubricError("init's function form needs method_type"), Member: method, Args: c.Args(c.Spec.MethodArgs));
            var expected = c.Reference(call) as TensorValue ?? throw new RubricError($"{method} did not return a tensor on the reference");
            Distribution(c, "result", $"{method}(...)", expected.Shape, c.Student(call).Value ?? new NullValue());
            return;
        }

        ModuleHarness.Construct(c);
        var ps = ModuleHarness.List(c);
        for (var i = 0; i < ps.Names.Count; i++)
        {
            var name = ps.Names[i];
            Distribution(c, name, name, ps.Shapes[i], c.Student(new WorkerRequest(0, "get", Target: ps.StudentHandles[i], Member: "Value")).Value!);
            if (c.Spec.ZeroGrads)
            {
                var grad = c.Student(new WorkerRequest(0, "get", Target: ps.StudentHandles[i], Member: "Grad")).Value!;
                if (grad is not TensorValue g || !g.Shape.SequenceEqual(ps.Shapes[i]) || g.Values().Any(d => d != 0.0))
                {
                    throw new CheckFailure($"the gradient of {name} should start as zeros of shape {TensorCompare.Shape(ps.Shapes[i])}, got {(grad is TensorValue gt ? $"{TensorCompare.Describe(gt)} with non-zero entries" : TensorCompare.Describe(grad))}");
                }
            }
        }
    }

    /// <summary>Shape, finiteness, then the rubric's rules for <paramref name="key"/>: zero columns (biases), range, mean and std of the other entries.</summary>
    private static void Distribution(CheckContext c, string key, string name, int[] shape, WireValue value)
    {
        if (value is not TensorValue t || !t.Shape.SequenceEqual(shape))
        {
            throw new CheckFailure($"{name}: expected shape {TensorCompare.Shape(shape)}, got {TensorCompare.Describe(value)}");
        }

        var v = t.Values();
        if (v.Length != shape.Aggregate(1, (a, b) => a * b))
        {
            throw new CheckFailure($"{name}: its shape {TensorCompare.Shape(shape)} holds {shape.Aggregate(1, (a, b) => a * b)} values, but {v.Length} were sent");
        }

        if (Array.FindIndex(v, d => !double.IsFinite(d)) is var bad and >= 0)
        {
            throw new CheckFailure($"{name} holds {TensorCompare.Format(v[bad])} at index {TensorCompare.Index(shape, bad)} after initialisation");
        }

        if (c.Spec.Params?.GetValueOrDefault(key) is not { } want)
        {
            return;
        }

        var columns = shape.Length == 2 ? shape[1] : 1;
        var zero = (want.ZeroColumns ?? []).ToHashSet();
        var rest = new List<double>(v.Length);
        for (var i = 0; i < v.Length; i++)
        {
            if (shape.Length == 2 && zero.Contains(i % columns))
            {
                if (v[i] != 0.0)
                {
                    throw new CheckFailure($"{name}: column {i % columns} (the bias) should start at 0, got {TensorCompare.Format(v[i])} at index {TensorCompare.Index(shape, i)}");
                }

                continue;
            }

            rest.Add(v[i]);
        }

        if (rest.Count == 0)
        {
            return;
        }

        if (want.Std is > 0 && shape.Length == 2)
        {
            ZeroLines(name, shape, v, zero);
        }

        var (min, max) = (rest.Min(), rest.Max());
        if ((want.Min is { } lo && min < lo) || (want.Max is { } hi && max > hi))
        {
            throw new CheckFailure($"{name}: entries should lie in [{want.Min:g3}, {want.Max:g3}], found values from {min:g4} to {max:g4}");
        }

        var mean = rest.Average();
        var std = Math.Sqrt(rest.Sum(d => (d - mean) * (d - mean)) / rest.Count);
        if (want.Mean is { } m && Math.Abs(mean - m) > want.Tolerance)
        {
            throw new CheckFailure($"{name}: mean of the entries should be about {m:g3}, got {mean:g4} (tolerance {want.Tolerance:g3})");
        }

        if (want.Std is { } s && Math.Abs(std - s) > want.Tolerance)
        {
            throw new CheckFailure($"{name}: standard deviation of the entries should be about {s:g3}, got {std:g4} (tolerance {want.Tolerance:g3}){(s > 0 && std > 0 && Math.Abs(std / s - Math.Sqrt(3)) < 0.1 ? "; that is a uniform range read as a standard deviation?" : "")}");
        }

        // The moments alone pass a matrix whose columns (or rows) are copies of one another, e.g. a draw indexed by the
        // row only (draws[i] for draws[i * M + j]): every hidden unit then starts with the same weights. Draws from a
        // continuous distribution (std > 0) repeat a value essentially never, so fewer than half of them distinct is a copy
        // (tests/Overlays/hw3-fashion-mlp/FailsInitColumnsIdentical).
        if (want.Std is > 0 && rest.Count > 1 && rest.Distinct().Count() is var distinct && distinct * 2 < rest.Count)
        {
            throw new CheckFailure($"{name}: only {distinct:N0} distinct values among its {rest.Count:N0} entries{Repeats(shape, v, zero.Count == 0)}; each entry should be a draw of its own");
        }
    }

    /// <summary>Names the copy when every column repeats the first or every row repeats the first (2-D, no bias columns).</summary>
    private static string Repeats(int[] shape, double[] v, bool plain)
    {
        if (!plain || shape.Length != 2 || shape[0] < 2 || shape[1] < 2)
        {
            return "";
        }

        var (rows, columns) = (shape[0], shape[1]);
        var sameColumns = Enumerable.Range(0, v.Length).All(i => v[i] == v[i - (i % columns)]);
        var sameRows = Enumerable.Range(0, v.Length).All(i => v[i] == v[i % columns]);
        return sameColumns ? $" (every column is a copy of the first: each of the {rows} rows repeats one value)"
            : sameRows ? $" (every row is a copy of the first)"
            : "";
    }

    /// <summary>
    /// A random initialisation (std &gt; 0) has no row or column of exact zeros outside the bias columns: a draw of 2 or more
    /// continuous values is never all 0. Such a line is a bias row zeroed as well as (or instead of) the bias column, which
    /// the summary statistics miss (one zero row of 40 moves the std by about 1%).
    /// </summary>
    private static void ZeroLines(string name, int[] shape, double[] v, HashSet<int> zero)
    {
        var (rows, columns) = (shape[0], shape[1]);
        var free = Enumerable.Range(0, columns).Where(j => !zero.Contains(j)).ToList();
        if (free.Count >= 2)
        {
            for (var i = 0; i < rows; i++)
            {
                if (free.All(j => v[(i * columns) + j] == 0.0))
                {
                    throw new CheckFailure($"{name}: row {i} is all zeros{(zero.Count > 0 ? $" outside the bias column{(zero.Count > 1 ? "s" : "")}" : "")}; only {(zero.Count > 0 ? $"column {string.Join(", ", zero.Order())} (the bias)" : "no entry")} should start at 0 (a bias row zeroed as well?)");
                }
            }
        }

        if (rows >= 2)
        {
            foreach (var j in free.Where(j => Enumerable.Range(0, rows).All(i => v[(i * columns) + j] == 0.0)))
            {
                throw new CheckFailure($"{name}: column {j} is all zeros; {(zero.Count > 0 ? $"only column {string.Join(", ", zero.Order())} (the bias)" : "no column")} should start at 0");
            }
        }
    }
}
