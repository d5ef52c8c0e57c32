using Autograder.Grader.Release;

namespace Autograder.Tests.Release;

public sealed class SolutionMarkerScannerTests
{
    private const string TwoRegions = """
        public sealed class Linear
        {
            public Tensor Forward(Tensor x)
            {
                // TASK(linear.forward): return x W + b. Shapes: x (N, D), W (D, M), b (M).
                // BEGIN SOLUTION linear.forward
                return x.MatMul(W) + b;
                // END SOLUTION
            }

            public Tensor Backward(Tensor x, Tensor g)
            {
                // TASK(linear.backward): gradients of W, b and x.
                //   Shapes: g (N, M).
                // BEGIN SOLUTION linear.backward
                W.Grad = x.T.MatMul(g);
                return g.MatMul(W.T);
                // END SOLUTION linear.backward
            }
        }
        """;

    [Fact]
    public void Scan_TwoRegions_FindsPartsLinesAndInstructions()
    {
        var regions = SolutionMarkerScanner.Scan(TwoRegions, "Layers/Linear.cs");

        Assert.Equal(2, regions.Count);
        Assert.Equal(new SolutionRegion("linear.forward", "Layers/Linear.cs", 5, 6, 8,
            "return x W + b. Shapes: x (N, D), W (D, M), b (M).", "        "), regions[0]);
        Assert.Equal("linear.backward", regions[1].Part);
        Assert.Equal((13, 15, 18), (regions[1].TodoLine, regions[1].BeginLine, regions[1].EndLine));
        Assert.Equal("gradients of W, b and x.", regions[1].Instruction);
    }

    [Fact]
    public void Scan_NestedRegion_ReportsInnerBeginLineAndOuterPart()
    {
        const string source = """
            // TASK(a.outer): outer
            // BEGIN SOLUTION a.outer
            // TASK(a.inner): inner
            // BEGIN SOLUTION a.inner
            // END SOLUTION
            // END SOLUTION
            """;

        var error = Assert.Throws<MarkerException>(() => SolutionMarkerScanner.Scan(source, "X.cs"));

        Assert.Equal(("X.cs", 4), (error.File, error.Line));
        Assert.Contains("nested", error.Message, StringComparison.Ordinal);
        Assert.Contains("a.outer", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("X.cs:4:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_UnclosedBegin_ReportsBeginLine()
    {
        const string source = "int a;\n// TASK(relu.forward): max(0, x)\n// BEGIN SOLUTION relu.forward\nreturn x;\n";

        var error = Assert.Throws<MarkerException>(() => SolutionMarkerScanner.Scan(source, "Relu.cs"));

        Assert.Equal(3, error.Line);
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_EndWithoutBegin_ReportsEndLine()
    {
        var error = Assert.Throws<MarkerException>(() => SolutionMarkerScanner.Scan("a\nb\n// END SOLUTION\n", "R.cs"));

        Assert.Equal(3, error.Line);
        Assert.Contains("without a matching BEGIN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_EndNamingAnotherPart_IsAnError()
    {
        const string source = "// TASK(a.b): x\n// BEGIN SOLUTION a.b\n// END SOLUTION a.c\n";

        var error = Assert.Throws<MarkerException>(() => SolutionMarkerScanner.Scan(source, "R.cs"));

        Assert.Equal(3, error.Line);
        Assert.Contains("must match", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("// BEGIN SOLUTION")]
    [InlineData("// BEGIN SOLUTION Linear.Forward")]
    [InlineData("x = 1; // BEGIN SOLUTION a.b")]
    [InlineData("// END SOLUTION here: done")]
    public void Scan_MalformedMarker_IsAnErrorOnItsLine(string marker)
    {
        var error = Assert.Throws<MarkerException>(() => SolutionMarkerScanner.Scan("int a;\n" + marker + "\n", "M.cs"));

        Assert.Equal(2, error.Line);
        Assert.Contains("malformed marker", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_UnknownPart_IsAnErrorListingKnownParts()
    {
        const string source = "// TASK(lienar.forward): x\n// BEGIN SOLUTION lienar.forward\n// END SOLUTION\n";
        var known = new HashSet<string> { "linear.forward" };

        var error = Assert.Throws<MarkerException>(() => SolutionMarkerScanner.Scan(source, "L.cs", known));

        Assert.Equal(2, error.Line);
        Assert.Contains("unknown part 'lienar.forward'", error.Message, StringComparison.Ordinal);
        Assert.Contains("linear.forward", error.Problem.Split("known parts:")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_BeginWithoutTaskLineAbove_IsAnError()
    {
        const string source = "void F()\n{\n// BEGIN SOLUTION a.b\n// END SOLUTION\n}\n";

        var error = Assert.Throws<MarkerException>(() => SolutionMarkerScanner.Scan(source, "T.cs"));

        Assert.Equal(3, error.Line);
        Assert.Contains("TASK(a.b)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_TodoForAnotherPart_IsAnErrorOnTheTodoLine()
    {
        const string source = "// TASK(a.c): x\n// BEGIN SOLUTION a.b\n// END SOLUTION\n";

        var error = Assert.Throws<MarkerException>(() => SolutionMarkerScanner.Scan(source, "T.cs"));

        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Scan_StrayTodoOfKnownPart_IsAnError()
    {
        const string source = "// TASK(a.b): do it\nint x;\n";

        var error = Assert.Throws<MarkerException>(() => SolutionMarkerScanner.Scan(source, "T.cs"));

        Assert.Equal(1, error.Line);
        Assert.Contains("not followed by a BEGIN SOLUTION a.b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_FileWithoutMarkers_HasNoRegions()
    {
        Assert.Empty(SolutionMarkerScanner.Scan("namespace N;\n// TODO: tidy up\n", "N.cs"));
    }
}
