using Autograder.Grader.Release;
using Autograder.Grader.Release.Fixtures;
using NeuralNet;

namespace Autograder.Tests.Release;

/// <summary>
/// A throw-away repository for release tests: the real Tensor code, kit templates and package
/// versions, plus a tiny "demo" library file with two parts and a profile that assigns one of them.
/// </summary>
internal sealed class SyntheticRepository : IDisposable
{
    public const string DemoSource = """
        namespace NeuralNet.Demo;

        /// <summary>A two-part demo module.</summary>
        public sealed class Scaler
        {
            /// <summary>Scales a tensor.</summary>
            /// <param name="x">input, shape (N, D)</param>
            /// <param name="factor">the factor</param>
            /// <returns>factor * x, shape (N, D)</returns>
            public Tensor Scale(Tensor x, double factor)
            {
                // TASK(demo.scale): return factor * x. Shape: x (N, D).
                // BEGIN SOLUTION demo.scale
                var scaled = x * factor;
                return scaled;
                // END SOLUTION
            }

            /// <summary>Adds one.</summary>
            /// <param name="x">input, shape (N, D)</param>
            public Tensor Offset(Tensor x)
            {
                // TASK(demo.offset): return x + 1.
                // BEGIN SOLUTION demo.offset
                return x + 1.0;
                // END SOLUTION
            }
        }

        """;

    public const string Profile = """
        id: demo-kit
        title: "Demo: scaling"
        parts: [demo.scale]
        files: [Demo/Scaler.cs]
        data: [demo]
        experiments:
          - { name: demo_run, config: experiments/demo_run.yaml, description: a tiny run }
        public_checks:
          - { part: demo.scale, item: "1.1", points: 2 }
          - { part: demo.offset, item: "1.2", points: 1 }
        """;

    private const string CheckTemplate = """
        namespace PublicTests.Checks;

        [Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
        public sealed class {{CLASS}}
        {
            [Fact]
            public void Output_MatchesReference() => Check.Run(() =>
            {
                var fixture = FixtureFile.Load("{{PART}}");
                var got = METHOD;
                Expect.Close("Scaler output", fixture.Tensor("expected"), got);
            });
        }

        """;

    public SyntheticRepository()
    {
        var real = RepositoryLayout.Find(AppContext.BaseDirectory);
        Root = Directory.CreateTempSubdirectory("release-repo").FullName;
        File.WriteAllText(Path.Combine(Root, "Autograder.sln"), "");
        File.Copy(Path.Combine(real.Root, "global.json"), Path.Combine(Root, "global.json"));
        File.Copy(Path.Combine(real.Root, "Directory.Packages.props"), Path.Combine(Root, "Directory.Packages.props"));
        File.Copy(Path.Combine(real.Root, "TrainingGc.props"), Path.Combine(Root, "TrainingGc.props"));

        var library = Path.Combine(Root, "reference", "NeuralNet");
        Directory.CreateDirectory(library);
        foreach (var file in Directory.EnumerateFiles(real.ReferenceLibrary, "*.cs*", SearchOption.TopDirectoryOnly))
        {
            File.Copy(file, Path.Combine(library, Path.GetFileName(file)));
        }

        Write("reference/NeuralNet/Demo/Scaler.cs", DemoSource);
        CopyTree(real.KitTemplate, Path.Combine(Root, "grader", "KitTemplate"));
        Write("grader/KitTemplate/checks/demo.scale.cs", CheckTemplate.Replace("METHOD", "new NeuralNet.Demo.Scaler().Scale(fixture.Tensor(\"x\"), 2.0)", StringComparison.Ordinal));
        Write("grader/KitTemplate/checks/demo.offset.cs", CheckTemplate.Replace("METHOD", "new NeuralNet.Demo.Scaler().Offset(fixture.Tensor(\"x\"))", StringComparison.Ordinal));
        Write("rubrics/demo-kit.assignment.yaml", Profile);
        Write("data/demo/tiny.csv", "x,y\n1,2\n");
        Write("experiments/demo_run.yaml", "epochs: 1\n");
    }

    public string Root { get; }

    public RepositoryLayout Layout => new(Root);

    public KitRelease Release() => new(Layout, [new DemoFixture("demo.scale", x => x * 2.0), new DemoFixture("demo.offset", x => x + 1.0)]);

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj"))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private sealed class DemoFixture(string part, Func<Tensor, Tensor> reference) : IFixtureSource
    {
        public string Part => part;

        public Fixture Create()
        {
            var x = Tensor.RandomNormal([3, 4], 0, 1, new Rng(7));
            return new Fixture(part, 7).Tensor("x", x).Tensor("expected", reference(x));
        }
    }
}
