using Autograder.Grader.Rubrics;
using Autograder.Worker.Protocol;

namespace Autograder.Grader.Checks.Kinds;

/// <summary>
/// <c>init</c>: constructs the module (args may hold <c>rng</c>) and checks each parameter's name
/// and shape against the reference, its sample mean/std against <c>params</c> (within tolerance)
/// and that its gradient starts as zeros of the same shape. One case per parameter.
/// Params: type, args, params {name: {mean, std, tolerance}}, zero_grads.
/// </summary>
internal sealed class InitCheck : ICheckKind
{
    public string Kind => "init";

    public int CaseCount(CheckSpec spec) => 1;

    public void RunCase(CheckContext c, int caseIndex)
    {
        ModuleHarness.Construct(c);
        var ps = ModuleHarness.List(c);
        for (var i = 0; i < ps.Names.Count; i++)
        {
            var name = ps.Names[i];
            var value = c.Student(new WorkerRequest(0, "get", Target: ps.StudentHandles[i], Member: "Value")).Value!;
            if (value is not TensorValue t || !t.Shape.SequenceEqual(ps.Shapes[i]))
            {
                throw new CheckFailure($"{name}: expected shape {TensorCompare.Shape(ps.Shapes[i])}, got {TensorCompare.Describe(value)}");
            }

            var v = t.Values();
            if (v.Any(d => !double.IsFinite(d)))
            {
                throw new CheckFailure($"{name} holds NaN or Inf after construction");
            }

            if (c.Spec.Params?.GetValueOrDefault(name) is { } want)
            {
                var mean = v.Average();
                var std = Math.Sqrt(v.Sum(d => (d - mean) * (d - mean)) / v.Length);
                if (want.Mean is { } m && Math.Abs(mean - m) > want.Tolerance)
                {
                    throw new CheckFailure($"{name}: mean of the entries should be about {m:g3}, got {mean:g4} (tolerance {want.Tolerance:g3})");
                }

                if (want.Std is { } s && Math.Abs(std - s) > want.Tolerance)
                {
                    throw new CheckFailure($"{name}: standard deviation of the entries should be about {s:g3}, got {std:g4} (tolerance {want.Tolerance:g3})");
                }
            }

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
}
