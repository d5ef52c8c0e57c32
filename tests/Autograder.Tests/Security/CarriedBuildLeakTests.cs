using Autograder.Grader.Reports;
using Autograder.Grader.Results;

namespace Autograder.Tests.Security;

/// <summary>
/// Error carried forward runs the student's part in a build where the assignment's other parts are the reference's
/// (<c>CarriedForward</c>), so that worker holds reference solutions. Assume it runs arbitrary code (here reflection,
/// with the policy walk off): it can read that code, and nothing of what it answers there may reach the student.
/// The attacker's Linear has a wrong forward pass (no bias), so its init check is graded again on the build with the
/// reference's forward and backward; there its init passes two cases and throws the reference's IL, hex-encoded, in
/// the third (and prints it), which earns more than its own run and so is the result that counts.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CarriedBuildLeakTests
{
    private const string Marker = "CARRIED-LEAK";

    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public CarriedBuildLeakTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    [Fact]
    public void CarriedForwardRun_HoldingTheReference_ShowsNothingItsCodeAnswered()
    {
        using var scratch = new Autograder.Tests.Data.TempDirectory();
        var result = GeneratedSubmissions.GradeWithPolicyOff(scratch.Path, "Layers/Linear.cs", Attack);

        var text = TextReport.Write(result);
        _output.WriteLine(text);
        var item = result.Items.Single(i => i.Id == "3.1.1");
        var init = item.Checks.Single(c => c.Name.StartsWith("init", StringComparison.Ordinal));
        // The attack did run where it wanted to: the carried-forward run earned more (two of three cases) and counts.
        Assert.Equal((2, 3), (init.CasesPassed, init.CasesTotal));
        Assert.Contains(item.Notes, n => n.Contains("error carried forward", StringComparison.Ordinal));
        // ...and nothing it answered there (the exception's text, its printed output) is in any report.
        var json = JsonReport.Write(result);
        Assert.DoesNotContain(Marker, json, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, text, StringComparison.Ordinal);
        Assert.Null(init.Output);
        Assert.Contains("not shown", init.Outcome.Message, StringComparison.Ordinal);
        // The forward check, run with all of the student's code, still says what is wrong there.
        Assert.Equal(CheckStatus.Failed, item.Checks.Single(c => c.Name.StartsWith("forward", StringComparison.Ordinal)).Status);
    }

    /// <summary>PassesAll's Linear with the bias left out of Forward and the attack at the start of the init region.</summary>
    private static string Attack(string passesAllLinear)
    {
        const string forward = "return x.MatMul(W.Value) + B.Value;";
        const string init = "// BEGIN SOLUTION linear.init";
        Assert.Contains(forward, passesAllLinear, StringComparison.Ordinal);
        Assert.Contains(init, passesAllLinear, StringComparison.Ordinal);
        return passesAllLinear
            .Replace(forward, "return x.MatMul(W.Value);", StringComparison.Ordinal)
            .Replace(init, init + "\n        if (CarriedLeak.Probe(inD, outD) is { } bad) { return bad; }", StringComparison.Ordinal)
            + Source;
    }

    private const string Source = """

        internal static class CarriedLeak
        {
            private static int _calls;
            private static bool _busy;

            /// <summary>In the student's own build: zero parameters (the init check fails). In the carried-forward build, where
            /// Forward adds the bias: the honest draw, except that the third call throws the reference's code.</summary>
            public static (Parameter W, Parameter B)? Probe(int inD, int outD)
            {
                if (_busy)
                {
                    return null;
                }

                _busy = true;
                try
                {
                    var carried = Linear.FromWeights(Tensor.Zeros(1, 1), Tensor.Ones(1, 1)).Forward(Tensor.Zeros(1, 1))[0, 0] == 1.0;
                    if (!carried)
                    {
                        return (new Parameter("W", Tensor.Zeros(inD, outD)), new Parameter("b", Tensor.Zeros(1, outD)));
                    }

                    if (++_calls == 3)
                    {
                        var forward = typeof(Linear).GetMethod("Forward")!.GetMethodBody()!.GetILAsByteArray()!;
                        var backward = typeof(Linear).GetMethod("Backward")!.GetMethodBody()!.GetILAsByteArray()!;
                        var leak = "CARRIED-LEAK forward " + System.Convert.ToHexString(forward) + " backward " + System.Convert.ToHexString(backward);
                        System.Console.WriteLine(leak);
                        throw new System.InvalidOperationException(leak);
                    }

                    return null;
                }
                finally
                {
                    _busy = false;
                }
            }
        }
        """;
}
