using Autograder.Grader.Compilation;
using Autograder.Grader.Policy;

namespace Autograder.Tests.Security;

/// <summary>
/// The policy's library-integrity and unchecked-memory rules: a submission may not add members to a provided
/// type (partial), extend one (extension methods), or read memory unchecked through an allowed namespace.
/// A lint only (the sandbox contains what gets past it), so each rule must give a message a student can act on.
/// </summary>
public sealed class LibraryIntegrityPolicyTests
{
    private const string Provided = """
        namespace NeuralNet;
        public sealed partial class Tensor { public double[] Data { get; } = new double[1]; }
        """;

    private static IReadOnlyList<PolicyViolation> Check(string student)
    {
        var compilation = SubmissionCompiler.Create(new Dictionary<string, string> { ["Tensors/Tensor.cs"] = Provided, ["Layers/Relu.cs"] = student }, "NeuralNet");
        return PolicyChecker.Check(compilation, compilation.SyntaxTrees.Where(t => t.FilePath == "Layers/Relu.cs"), PolicyOptions.Default);
    }

    [Fact]
    public void PartialDeclaration_OfAProvidedType_IsAViolationNamingTheType()
    {
        var v = Check("namespace NeuralNet;\npublic sealed partial class Tensor { public int Extra => 1; }\n");

        var violation = Assert.Single(v);
        Assert.Equal("library-integrity", violation.Rule);
        Assert.Contains("partial declaration of NeuralNet.Tensor", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PartialDeclaration_OfTheStudentsOwnType_IsAllowed()
    {
        var v = Check("namespace NeuralNet;\npublic partial class Mine { }\npublic partial class Mine { public int X => 1; }\n");

        Assert.Empty(v);
    }

    [Fact]
    public void ExtensionMethod_OnAProvidedType_IsAViolation_ButOnTheStudentsOwnTypeIsNot()
    {
        var onTensor = Check("namespace NeuralNet;\npublic static class Helpers { public static double First(this Tensor t) => t.Data[0]; }\n");
        var onOwn = Check("namespace NeuralNet;\npublic sealed class Mine { }\npublic static class Helpers { public static int One(this Mine m) => 1; }\n");

        Assert.Contains(onTensor, x => x.Rule == "library-integrity" && x.Message.Contains("plain static helper", StringComparison.Ordinal));
        Assert.Empty(onOwn);
    }

    [Theory]
    [InlineData("var v = System.Numerics.Vector.LoadUnsafe(ref a[0], (nuint)1000);")]
    [InlineData("System.Numerics.Vector.StoreUnsafe(System.Numerics.Vector<double>.One, ref a[0], (nuint)1000);")]
    public void UncheckedMemory_InAnAllowedNamespace_IsAViolation(string statement)
    {
        var v = Check($"namespace NeuralNet;\npublic static class A\n{{\n    public static void F(double[] a)\n    {{\n        {statement}\n    }}\n}}\n");

        Assert.Contains(v, x => x.Rule == "unsafe-memory");
    }

    [Fact]
    public void SafeVectorCode_IsStillAllowed()
    {
        var v = Check("namespace NeuralNet;\npublic static class A\n{\n    public static double F(double[] a) => System.Numerics.Vector.Sum(new System.Numerics.Vector<double>(a));\n}\n");

        Assert.Empty(v);
    }
}
