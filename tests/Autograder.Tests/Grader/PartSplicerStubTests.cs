using Autograder.Grader.Compilation;
using Autograder.Grader.Release;
using Microsoft.CodeAnalysis.CSharp;

namespace Autograder.Tests.Grader;

/// <summary>
/// Per-check error carried forward builds a variant only when the student's own part is not still the kit's stub:
/// <see cref="PartSplicer.IsStub"/> finds the student's member of a part by the reference's signature and looks for the
/// kit's <c>throw new NotImplementedException("TODO(part)...")</c> in it.
/// </summary>
public sealed class PartSplicerStubTests
{
    private const string Reference = """
        public sealed class Layer
        {
            public double Forward(double x)
            {
                // BEGIN SOLUTION layer.forward
                return 2 * x;
                // END SOLUTION
            }

            public double Backward(double x, double g)
            {
                // BEGIN SOLUTION layer.backward
                return 2 * g;
                // END SOLUTION
            }
        }
        """;

    // The BEGIN lines of the two regions above (1-based), as the scanner reads them.
    private static readonly IReadOnlyList<SolutionRegion> Regions =
    [
        new("layer.forward", "Layer.cs", 5, 5, 7, "return 2x", "        "),
        new("layer.backward", "Layer.cs", 12, 12, 14, "return 2g", "        "),
    ];

    private static bool IsStub(string student, string part) =>
        PartSplicer.IsStub(student, CSharpSyntaxTree.ParseText(Reference, SubmissionCompiler.ParseOptions), Regions, part);

    [Fact]
    public void TheKitsStub_IsAStub_ForItsOwnPartOnly()
    {
        const string student = """
            public sealed class Layer
            {
                public double Forward(double x)
                {
                    // TODO(layer.forward): return 2x
                    throw new NotImplementedException("TODO(layer.forward): return 2x");
                }

                public double Backward(double x, double g) => 2 * g;
            }
            """;

        Assert.True(IsStub(student, "layer.forward"));
        Assert.False(IsStub(student, "layer.backward"));
    }

    [Fact]
    public void AnImplementedPart_OrAnotherPartsTodo_OrAnotherException_IsNotAStub()
    {
        const string student = """
            public sealed class Layer
            {
                public double Forward(double x)
                {
                    if (x > 1e9) throw new NotImplementedException("TODO(layer.backward): wrong part named");
                    return 2 * x;
                }

                public double Backward(double x, double g) => g > 0 ? 2 * g : throw new InvalidOperationException("TODO(layer.backward)");
            }
            """;

        Assert.False(IsStub(student, "layer.forward"));
        Assert.False(IsStub(student, "layer.backward"));
    }

    [Fact]
    public void AStubAsAThrowExpression_IsAStub()
    {
        const string student = """
            public sealed class Layer
            {
                public double Forward(double x) => 2 * x;

                public double Backward(double x, double g) => throw new System.NotImplementedException("TODO(layer.backward): 2g");
            }
            """;

        Assert.True(IsStub(student, "layer.backward"));
    }
}
