using Autograder.Grader.Compilation;

namespace Autograder.Tests.Grader;

public sealed class SolutionRegionsTests
{
    private const string Source = "class A\n{\n    int F()\n    {\n        // TODO(a.f): return 1\n        // BEGIN SOLUTION a.f\n        return 1;\n        // END SOLUTION\n    }\n    int G()\n    {\n        // BEGIN SOLUTION a.g\n        return 2;\n        // END SOLUTION\n    }\n}";

    [Fact]
    public void Stub_AssignedPart_IsReplacedByTodoThrowKeepingTheInstruction()
    {
        var stub = SolutionRegions.Stub(Source, "A.cs", ["a.f"]);

        Assert.Contains("        // TODO(a.f): return 1\n        throw new NotImplementedException(\"TODO(a.f)\");\n    }", stub, StringComparison.Ordinal);
        Assert.DoesNotContain("return 1;", stub, StringComparison.Ordinal);
        Assert.Contains("return 2;", stub, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_NestedMarkers_ThrowsNamingFileAndLine()
    {
        var nested = "// BEGIN SOLUTION a\n// BEGIN SOLUTION b\n// END SOLUTION\n// END SOLUTION";

        var ex = Assert.Throws<FormatException>(() => SolutionRegions.Scan(nested, "X.cs"));

        Assert.StartsWith("X.cs(2): BEGIN SOLUTION b is nested inside a", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_UnclosedMarker_Throws()
    {
        var ex = Assert.Throws<FormatException>(() => SolutionRegions.Scan("// BEGIN SOLUTION a\nx", "X.cs"));

        Assert.Contains("never closed", ex.Message, StringComparison.Ordinal);
    }
}
