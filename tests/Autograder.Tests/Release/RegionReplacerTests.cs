using Autograder.Grader.Release;

namespace Autograder.Tests.Release;

public sealed class RegionReplacerTests
{
    private const string Source = """
        public sealed class Relu
        {
            public Tensor Forward(Tensor x)
            {
                // TASK(relu.forward): return max(0, x) element-wise. Shape: x (N, D).
                // BEGIN SOLUTION relu.forward
                return x.Maximum(0.0);
                // END SOLUTION
            }

            public Tensor Backward(Tensor x, Tensor g)
            {
                // Why: the subgradient at 0 is taken as 0 (seed 3.1.2).
                // TASK(relu.backward): pass "g" where x > 0.
                //   Shapes: x, g (N, D).
                // BEGIN SOLUTION relu.backward
                return g * (x > 0.0);
                // END SOLUTION
            }
        }

        """;

    [Fact]
    public void Apply_AssignedRegion_BecomesThrowAndKeepsTodoBlock()
    {
        var regions = SolutionMarkerScanner.Scan(Source, "Relu.cs");

        var kit = RegionReplacer.Apply(Source, regions, new HashSet<string> { "relu.backward" });

        const string expectedBackward = """
                    // Why: the subgradient at 0 is taken as 0 (seed 3.1.2).
                    // TODO(relu.backward): pass "g" where x > 0.
                    //   Shapes: x, g (N, D).
                    throw new NotImplementedException("TODO(relu.backward): pass \"g\" where x > 0.");
                }
            """;
        Assert.Contains(expectedBackward, kit, StringComparison.Ordinal);
        Assert.DoesNotContain("g * (x > 0.0)", kit, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_TaskLineWithoutASpace_BecomesTheSameTodoLine()
    {
        // The scanner accepts "//TASK(" as well as "// TASK("; the kit must never show the TASK spelling.
        var source = Source.Replace("// TASK(relu.backward)", "//TASK(relu.backward)", StringComparison.Ordinal);
        var regions = SolutionMarkerScanner.Scan(source, "Relu.cs");

        var kit = RegionReplacer.Apply(source, regions, new HashSet<string> { "relu.backward" });

        Assert.Contains("// TODO(relu.backward): pass \"g\" where x > 0.", kit, StringComparison.Ordinal);
        Assert.DoesNotContain("TASK(", kit, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ProvidedRegion_KeepsCodeAndDropsMarkersAndTodo()
    {
        var regions = SolutionMarkerScanner.Scan(Source, "Relu.cs");

        var kit = RegionReplacer.Apply(Source, regions, new HashSet<string> { "relu.backward" });

        const string expectedForward = """
                public Tensor Forward(Tensor x)
                {
                    return x.Maximum(0.0);
                }
            """;
        Assert.Contains(expectedForward, kit, StringComparison.Ordinal);
        Assert.DoesNotContain("SOLUTION", kit, StringComparison.Ordinal);
        Assert.DoesNotContain("TODO(relu.forward)", kit, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_NothingAssigned_EqualsSourceWithoutMarkerLines()
    {
        var regions = SolutionMarkerScanner.Scan(Source, "Relu.cs");

        var kit = RegionReplacer.Apply(Source, regions, new HashSet<string>());

        var expected = string.Join('\n', Source.Split('\n').Where(l =>
            !l.Contains("SOLUTION", StringComparison.Ordinal) && !l.Contains("TASK(", StringComparison.Ordinal) && !l.Contains("//   Shapes", StringComparison.Ordinal)));
        Assert.Equal(expected, kit);
    }

    [Fact]
    public void Apply_CrLfFile_KeepsCrLfLineEndings()
    {
        var source = Source.ReplaceLineEndings("\r\n");
        var regions = SolutionMarkerScanner.Scan(source, "Relu.cs");

        var kit = RegionReplacer.Apply(source, regions, new HashSet<string> { "relu.forward" });

        Assert.Equal(kit.Split('\n').Length - 1, kit.Split("\r\n").Length - 1);
        Assert.Contains("throw new NotImplementedException(\"TODO(relu.forward): return max(0, x) element-wise. Shape: x (N, D).\");\r\n", kit, StringComparison.Ordinal);
    }
}
