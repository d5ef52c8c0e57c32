using System.Text;
using Autograder.Grader.Assignments;
using Autograder.Grader.Release;

namespace Autograder.Tests.Release;

public sealed class KitBuilderTests : IDisposable
{
    private readonly SyntheticRepository repo = new();

    public void Dispose() => repo.Dispose();

    private static string Text(KitFiles kit, string path) => Encoding.UTF8.GetString(kit.Files[path]);

    [Fact]
    public void Build_AssignedPart_IsStubbedAndProvidedPartKept()
    {
        var kit = repo.Release().Build("demo-kit");

        var scaler = Text(kit, "NeuralNet/Demo/Scaler.cs");
        Assert.Contains("throw new NotImplementedException(\"TODO(demo.scale): return factor * x. Shape: x (N, D).\");", scaler, StringComparison.Ordinal);
        Assert.Contains("return x + 1.0;", scaler, StringComparison.Ordinal);
        Assert.DoesNotContain("x * factor", scaler, StringComparison.Ordinal);
        Assert.DoesNotContain("SOLUTION", scaler, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Solved_KeepsTheReferenceSolution()
    {
        var kit = repo.Release().Build("demo-kit", solved: true);

        Assert.Contains("var scaled = x * factor;", Text(kit, "NeuralNet/Demo/Scaler.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Kit_HasTemplatesChecksFixturesDataExperimentsAndManifest()
    {
        var kit = repo.Release().Build("demo-kit");

        foreach (var path in new[]
        {
            "README.md", "Kit.slnx", "pack.sh", "global.json", "Directory.Build.props", "Directory.Packages.props",
            ".github/workflows/grade.yml", "tools/Kit/Kit.csproj", "tools/TrainingGc.props", "tests/PublicTests/PublicTests.csproj",
            "tests/PublicTests/Checks/DemoScaleTests.cs", "tests/PublicTests/Fixtures/demo.scale.json",
            "data/demo/tiny.csv", "experiments/demo_run.yaml", "kit.json",
        })
        {
            Assert.True(kit.Files.ContainsKey(path), $"kit has no {path}");
        }

        Assert.DoesNotContain(kit.Files.Keys, p => p.EndsWith(".template", StringComparison.Ordinal));
        Assert.Contains("[Points(\"1.1\", 2, Part = \"demo.scale\")]", Text(kit, "tests/PublicTests/Checks/DemoScaleTests.cs"), StringComparison.Ordinal);
        var manifest = KitManifest.FromJson(Text(kit, "kit.json"));
        Assert.Equal(["Demo/Scaler.cs"], manifest.Files);
        Assert.Equal(new KitCheck("PublicTests.Checks.DemoScaleTests", "demo.scale", "1.1", 2, Assigned: true), manifest.Checks[0]);
        Assert.False(manifest.Checks[1].Assigned);
    }

    [Fact]
    public void Build_Readme_ListsPartsWithInstructionsAndSubmission()
    {
        var readme = Text(repo.Release().Build("demo-kit"), "README.md");

        Assert.StartsWith("# Demo: scaling\n", readme, StringComparison.Ordinal);
        Assert.Contains("1. **`demo.scale`** in `NeuralNet/Demo/Scaler.cs` (public check: item 1.1, 2 pts): return factor * x. Shape: x (N, D).", readme, StringComparison.Ordinal);
        Assert.Contains("demo-kit_submission.zip", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_KitProjects_HaveNoReferenceToTheRepository()
    {
        var kit = repo.Release().Build("demo-kit");

        var library = Text(kit, "NeuralNet/NeuralNet.csproj");
        Assert.DoesNotContain("Autograder.Tests", library, StringComparison.Ordinal);
        Assert.Contains("<InternalsVisibleTo Include=\"PublicTests\" />", library, StringComparison.Ordinal);
        Assert.DoesNotContain(kit.Files, f => f.Key.EndsWith("proj", StringComparison.Ordinal)
            && Encoding.UTF8.GetString(f.Value).Contains("reference/", StringComparison.Ordinal));
        var packages = Text(kit, "Directory.Packages.props");
        Assert.Contains("<PackageVersion Include=\"xunit.v3.mtp-v2\" Version=\"4.0.3\" />", packages, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.NET.Test.Sdk", packages, StringComparison.Ordinal); // no VSTest host in a kit
        Assert.DoesNotContain("BenchmarkDotNet", packages, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_GlobalJson_KeepsTheRepositorysSdk_AndNamesTheTestingPlatformAsRunner()
    {
        var kit = System.Text.Json.Nodes.JsonNode.Parse(Text(repo.Release().Build("demo-kit"), "global.json"))!;
        var repository = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(repo.Root, "global.json")))!;

        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(repository["sdk"], kit["sdk"]), kit.ToJsonString());
        Assert.Equal("Microsoft.Testing.Platform", (string?)kit["test"]?["runner"]);
    }

    [Fact]
    public void Build_TwiceFromTheSameTree_IsIdentical()
    {
        var first = repo.Release().Build("demo-kit");
        var dir = Path.Combine(repo.Root, "skeleton", "demo-kit");
        first.WriteTo(dir);

        Assert.Null(repo.Release().Build("demo-kit").FirstDifference(dir));
    }

    [Fact]
    public void FirstDifference_EditedKitFile_NamesTheFile()
    {
        var dir = Path.Combine(repo.Root, "skeleton", "demo-kit");
        repo.Release().Build("demo-kit").WriteTo(dir);
        File.AppendAllText(Path.Combine(dir, "NeuralNet", "Demo", "Scaler.cs"), "// edited by hand\n");

        var difference = repo.Release().Build("demo-kit").FirstDifference(dir);

        Assert.Equal("NeuralNet/Demo/Scaler.cs: contents differ from what release generates now", difference);
    }

    [Fact]
    public void WriteTo_NonEmptyFolderWithoutKitJson_IsRefused()
    {
        var dir = Path.Combine(repo.Root, "precious");
        repo.Write("precious/notes.txt", "keep me");

        Assert.Throws<IOException>(() => repo.Release().Build("demo-kit").WriteTo(dir));
        Assert.True(File.Exists(Path.Combine(dir, "notes.txt")));
    }

    [Fact]
    public void Build_ProvidedProgram_ShipsUnderToolsBuiltOnTheKitLibrary()
    {
        repo.Write("reference/DemoCli/DemoCli.csproj",
            "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <Compile Include=\"../NeuralNet/**/*.cs\" Exclude=\"../NeuralNet/bin/**;../NeuralNet/obj/**\" />\n  </ItemGroup>\n</Project>\n");
        repo.Write("reference/DemoCli/Program.cs", "System.Console.WriteLine(1);\n");
        repo.Write("reference/DemoCli/bin/Release/stale.cs", "not shipped");
        repo.Write("rubrics/demo-kit.assignment.yaml", SyntheticRepository.Profile.Replace("data: [demo]", "data: [demo]\nprograms:\n  - {path: reference/DemoCli, example: \"in.csv out.txt 2\"}", StringComparison.Ordinal));

        var kit = repo.Release().Build("demo-kit");

        Assert.Equal("System.Console.WriteLine(1);\n", Text(kit, "tools/DemoCli/Program.cs"));
        Assert.DoesNotContain("tools/DemoCli/bin/Release/stale.cs", kit.Files.Keys);
        var project = Text(kit, "tools/DemoCli/DemoCli.csproj");
        Assert.Contains("Include=\"../../NeuralNet/**/*.cs\" Exclude=\"../../NeuralNet/bin/**;../../NeuralNet/obj/**\"", project, StringComparison.Ordinal);
        Assert.Contains("<Project Path=\"tools/DemoCli/DemoCli.csproj\" />", Text(kit, "Kit.slnx"), StringComparison.Ordinal);
        Assert.Contains("dotnet run --project tools/DemoCli -- in.csv out.txt 2\n", Text(kit, "README.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ProvidedProgramFolderMissing_NamesProfileLine()
    {
        repo.Write("rubrics/demo-kit.assignment.yaml", SyntheticRepository.Profile.Replace("data: [demo]", "data: [demo]\nprograms:\n  - {path: reference/NoSuchCli, example: x}", StringComparison.Ordinal));

        var error = Assert.Throws<AssignmentProfileException>(() => repo.Release().Build("demo-kit"));

        Assert.Equal(("programs[0].path", 7), (error.YamlPath, error.Line));
        Assert.Contains("no project folder reference/NoSuchCli", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ProgramOutsideReference_IsRejected()
    {
        var yaml = SyntheticRepository.Profile.Replace("data: [demo]", "data: [demo]\nprograms:\n  - {path: ../etc, example: x}", StringComparison.Ordinal);

        var error = Assert.Throws<AssignmentProfileException>(() => AssignmentProfile.Parse(yaml, "demo-kit.assignment.yaml"));

        Assert.Contains("'../etc' is not a project folder under reference/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ProfilePartWithoutRegion_NamesProfileLine()
    {
        repo.Write("rubrics/demo-kit.assignment.yaml", SyntheticRepository.Profile.Replace("parts: [demo.scale]", "parts: [demo.scale, demo.missing]", StringComparison.Ordinal));

        var error = Assert.Throws<AssignmentProfileException>(() => repo.Release().Build("demo-kit"));

        Assert.Equal(("parts[1]", 3), (error.YamlPath, error.Line));
        Assert.Contains("no '// BEGIN SOLUTION demo.missing' region", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AssignedRegionOutsideSubmittedFiles_IsAnError()
    {
        repo.Write("reference/NeuralNet/Demo/Other.cs", "namespace NeuralNet.Demo;\npublic static class Other\n{\n    public static int F()\n    {\n        // TASK(demo.scale): also here\n        // BEGIN SOLUTION demo.scale\n        return 1;\n        // END SOLUTION\n    }\n}\n");

        var error = Assert.Throws<AssignmentProfileException>(() => repo.Release().Build("demo-kit"));

        Assert.Contains("Demo/Other.cs (line 7), which is not in files", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MarkerOfUnknownPart_NamesFileAndLine()
    {
        repo.Write("reference/NeuralNet/Demo/Typo.cs", "// TASK(demo.scael): x\n// BEGIN SOLUTION demo.scael\n// END SOLUTION\n");

        var error = Assert.Throws<MarkerException>(() => repo.Release().Build("demo-kit"));

        Assert.Equal(("Demo/Typo.cs", 2), (error.File, error.Line));
    }
}
