using Autograder.Grader.Compilation;
using Autograder.Grader.Policy;

namespace Autograder.Tests.Grader;

public sealed class PolicyCheckerTests
{
    private static IReadOnlyList<PolicyViolation> Check(string code, PolicyOptions? options = null)
    {
        var compilation = SubmissionCompiler.Create(new Dictionary<string, string> { ["Layers/Linear.cs"] = code }, "NeuralNet");
        return PolicyChecker.Check(compilation, compilation.SyntaxTrees.Where(t => t.FilePath == "Layers/Linear.cs"), options ?? PolicyOptions.Default);
    }

    [Fact]
    public void Check_FileAccess_IsReportedWithFileLineAndColumn()
    {
        var v = Check("namespace NeuralNet;\npublic static class A\n{\n    public static string F() => System.IO.File.ReadAllText(\"/etc/passwd\");\n}\n");

        var violation = Assert.Single(v, x => x.Rule == "io");
        Assert.Equal("Layers/Linear.cs(4,48): System.IO.File.ReadAllText is not allowed in submissions (no file or stream access)", violation.ToString());
        Assert.DoesNotContain(v, x => x.Rule != "io");
    }

    [Theory]
    [InlineData("System.Environment.Exit(1);", "environment")]
    [InlineData("System.Console.WriteLine(1);", "console")]
    [InlineData("System.Diagnostics.Process.Start(\"sh\");", "process")]
    [InlineData("var t = typeof(A).GetMethods();", "reflection")]
    [InlineData("new System.Threading.Thread(() => { }).Start();", "threads")]
    [InlineData("System.GC.Collect();", "gc")]
    [InlineData("dynamic d = 1; d.Foo();", "dynamic")]
    [InlineData("var r = new System.Random(1);", "randomness")]
    public void Check_DeniedApi_IsAViolation(string statement, string rule)
    {
        var v = Check($"namespace NeuralNet;\npublic static class A\n{{\n    public static void F()\n    {{\n        {statement}\n    }}\n}}\n");

        Assert.Contains(v, x => x.Rule == rule);
    }

    [Fact]
    public void Check_ModuleInitializerAndExtern_AreViolations()
    {
        var v = Check("""
            namespace NeuralNet;
            public static class A
            {
                [System.Runtime.CompilerServices.ModuleInitializer]
                public static void Init() { }
                public static extern int Native();
            }
            """);

        Assert.Contains(v, x => x.Rule == "module-initializer");
        Assert.Contains(v, x => x.Rule == "extern");
    }

    [Fact]
    public void Check_MathLinqSpansAndCollections_AreAllowed()
    {
        var v = Check("""
            using System.Numerics.Tensors;
            namespace NeuralNet;
            public static class A
            {
                public static double F(double[] xs)
                {
                    var list = new List<double>(xs.Select(x => Math.Exp(x) + MathF.Sqrt(2f)));
                    Span<double> buffer = stackalloc double[4];
                    buffer.Fill(1);
                    var d = new Dictionary<int, double> { [1] = TensorPrimitives.Sum(buffer) };
                    if (list.Count == 0) throw new ArgumentException("empty");
                    return list.Sum() + d[1];
                }
            }
            """);

        Assert.Empty(v);
    }

    [Fact]
    public void Check_ConsoleWrite_IsAllowedOnlyWhenTheRubricSaysSo()
    {
        const string code = "namespace NeuralNet;\npublic static class A\n{\n    public static void F() { Console.WriteLine(1); var s = Console.ReadLine(); }\n}\n";

        var relaxed = Check(code, new PolicyOptions(AllowConsoleWrite: true));

        var only = Assert.Single(relaxed);
        Assert.Contains("ReadLine", only.Message, StringComparison.Ordinal);
        Assert.Equal(2, Check(code).Count);
    }
}
