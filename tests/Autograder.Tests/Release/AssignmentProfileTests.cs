using Autograder.Grader.Assignments;

namespace Autograder.Tests.Release;

public sealed class AssignmentProfileTests
{
    private const string Valid = """
        id: hw3-fashion-mlp
        title: "Homework 3: Fashion-MNIST MLP"
        parts: [linear.init, linear.forward, relu.backward]
        files: [Layers/Linear.cs, Layers/Relu.cs]
        data: [fashion-mnist]
        experiments:
          - name: MLP_lr0.01_b5
            config: experiments/hw3/MLP_lr0.01_b5.yaml
            description: the 3.1.6 run
        public_checks:
          - { part: linear.forward, item: "3.1.1", points: 2 }
          - { part: relu.backward, item: "3.1.2", points: 1.5 }
        """;

    [Fact]
    public void Parse_ValidProfile_ReadsEveryField()
    {
        var profile = AssignmentProfile.Parse(Valid, "hw3.assignment.yaml");

        Assert.Equal("hw3-fashion-mlp", profile.Id);
        Assert.Equal("Homework 3: Fashion-MNIST MLP", profile.Title);
        Assert.Equal(["linear.init", "linear.forward", "relu.backward"], profile.Parts);
        Assert.Equal(["Layers/Linear.cs", "Layers/Relu.cs"], profile.Files);
        Assert.Equal(["fashion-mnist"], profile.Data);
        Assert.Equal(new ExperimentSpec("MLP_lr0.01_b5", "experiments/hw3/MLP_lr0.01_b5.yaml", "the 3.1.6 run"), Assert.Single(profile.Experiments));
        Assert.Equal([new PublicCheckSpec("linear.forward", "3.1.1", 2), new PublicCheckSpec("relu.backward", "3.1.2", 1.5)], profile.PublicChecks);
        Assert.Equal("hw3-fashion-mlp_submission.zip", profile.Submission);
    }

    [Theory]
    [InlineData("  - { part: relu.backward, item: \"3.1.2\", points: lots }", "public_checks[1].points", 12)]
    [InlineData("  - { part: Relu, item: \"3.1.2\", points: 1 }", "public_checks[1].part", 12)]
    [InlineData("  - { part: relu.backward, item: \"3.1.2\", pts: 1 }", "public_checks[1].pts", 12)]
    [InlineData("  - { part: relu.backward, points: 1 }", "public_checks[1].item", 12)]
    public void Parse_BadCheck_NamesFilePathAndLine(string badLine, string path, int line)
    {
        var yaml = Valid.Replace("  - { part: relu.backward, item: \"3.1.2\", points: 1.5 }", badLine, StringComparison.Ordinal);

        var error = Assert.Throws<AssignmentProfileException>(() => AssignmentProfile.Parse(yaml, "p.yaml"));

        Assert.Equal(("p.yaml", path, line), (error.File, error.YamlPath, error.Line));
        Assert.StartsWith($"p.yaml:{line}: {path}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrittenKind_AllowsNoPartsOrFiles()
    {
        var profile = AssignmentProfile.Parse("id: written\ntitle: Written answers\nkind: written\nparts: []\nfiles: []\n", "w.yaml");

        Assert.Equal((AssignmentProfile.WrittenKind, 0, 0), (profile.Kind, profile.Parts.Count, profile.Files.Count));
    }

    [Fact]
    public void Parse_UnknownKind_NamesTheKey()
    {
        var error = Assert.Throws<AssignmentProfileException>(() => AssignmentProfile.Parse(Valid + "\nkind: essay\n", "p.yaml"));

        Assert.Equal(("kind", 13), (error.YamlPath, error.Line));
    }

    [Fact]
    public void Parse_MissingParts_NamesTheKey()
    {
        var yaml = Valid.Replace("parts: [linear.init, linear.forward, relu.backward]\n", "", StringComparison.Ordinal);

        var error = Assert.Throws<AssignmentProfileException>(() => AssignmentProfile.Parse(yaml, "p.yaml"));

        Assert.Equal("parts", error.YamlPath);
        Assert.Contains("missing required key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicatePart_NamesItsIndexAndLine()
    {
        var yaml = Valid.Replace("relu.backward]", "linear.forward]", StringComparison.Ordinal);

        var error = Assert.Throws<AssignmentProfileException>(() => AssignmentProfile.Parse(yaml, "p.yaml"));

        Assert.Equal(("parts[2]", 3), (error.YamlPath, error.Line));
        Assert.Contains("listed twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../Secrets/Key.cs")]
    [InlineData("/etc/Linear.cs")]
    [InlineData("Layers/Linear.txt")]
    public void Parse_FileOutsideTheLibrary_IsRejected(string file)
    {
        var yaml = Valid.Replace("Layers/Relu.cs]", file + "]", StringComparison.Ordinal);

        var error = Assert.Throws<AssignmentProfileException>(() => AssignmentProfile.Parse(yaml, "p.yaml"));

        Assert.Equal("files[1]", error.YamlPath);
    }

    [Fact]
    public void Parse_BrokenYaml_NamesTheLine()
    {
        var error = Assert.Throws<AssignmentProfileException>(() => AssignmentProfile.Parse("id: a\ntitle: \"unclosed\nparts: x\n", "p.yaml"));

        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Line, 2, 4);
    }

    [Fact]
    public void Load_FileNamedAfterAnotherId_IsRejected()
    {
        var dir = Directory.CreateTempSubdirectory("profile");
        try
        {
            var path = Path.Combine(dir.FullName, "hw6-dnn-cnn.assignment.yaml");
            File.WriteAllText(path, Valid);

            var error = Assert.Throws<AssignmentProfileException>(() => AssignmentProfile.Load(path));

            Assert.Contains("hw3-fashion-mlp.assignment.yaml", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
