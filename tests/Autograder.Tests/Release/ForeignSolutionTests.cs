using System.Text;
using Autograder.Grader.Assignments;
using Autograder.Grader.Release;
using Xunit.Abstractions;

namespace Autograder.Tests.Release;

/// <summary>
/// Issue 15: a kit carries no solution of a part any assignment assigns, neither its own (stubbed) nor another's
/// (withheld), except the parts its profile says it needs; NeuralNet.Core, which every kit ships compiled, holds no
/// solution region at all; and every library source belongs to exactly one module.
/// </summary>
public sealed class ForeignSolutionTests(ITestOutputHelper log)
{
    private static readonly RepositoryLayout Layout = RepositoryLayout.Find(AppContext.BaseDirectory);

    public static TheoryData<string> Assignments() => ReleasedKitTests.Assignments();

    [Theory]
    [MemberData(nameof(Assignments))]
    public void Kit_HoldsNoSolutionOfAnAssignedPart_ExceptWhatItsProfileNeeds(string assignment)
    {
        var release = new KitRelease(Layout);
        var profile = release.Profile(assignment);
        var kit = release.Build(assignment);
        var sources = kit.Files.Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => Squeeze(Encoding.UTF8.GetString(f.Value)), StringComparer.Ordinal);
        var library = ReferenceLibrary.Scan(Layout.ReferenceLibrary);
        var leaks = new List<string>();
        foreach (var (part, owners) in release.AssignedBy)
        {
            foreach (var region in library.RegionsOf(part))
            {
                var solution = Squeeze(string.Join('\n', File.ReadAllLines(Path.Combine(Layout.ReferenceLibrary, region.File))[region.BeginLine..(region.EndLine - 1)]));
                var holders = sources.Where(s => s.Value.Contains(solution, StringComparison.Ordinal)).Select(s => s.Key).ToList();
                if (profile.Needs.Contains(part))
                {
                    log.WriteLine($"{assignment} needs {part} (assigned in {string.Join(", ", owners)}): shipped solved in {string.Join(", ", holders)}");
                    Assert.NotEmpty(holders);
                }
                else if (holders.Count > 0)
                {
                    leaks.Add($"{part} (assigned in {string.Join(", ", owners)}) is solved in {string.Join(", ", holders)}");
                }
            }
        }

        Assert.True(leaks.Count == 0, $"the {assignment} kit leaks solutions: {string.Join("; ", leaks)}");
        Assert.DoesNotContain(sources, s => s.Value.Contains("BEGINSOLUTION", StringComparison.Ordinal));
    }

    [Fact]
    public void OnlyHw6NeedsAnotherAssignmentsPart_AndEveryNeedIsAssignedElsewhere()
    {
        var release = new KitRelease(Layout);
        var needs = release.CodeProfiles.SelectMany(p => p.Needs.Select(n => $"{p.Id}: {n}")).ToList();
        Assert.Equal(["hw6-dnn-cnn: linear.init"], needs);
        foreach (var profile in release.CodeProfiles)
        {
            Assert.All(profile.Needs, n => Assert.Contains(release.AssignedBy[n], owner => owner != profile.Id));
        }
    }

    [Fact]
    public void Core_HoldsNoSolutionRegion()
    {
        var core = Path.Combine(Layout.Root, "reference", "NeuralNet.Core");
        Assert.True(Directory.Exists(core), core);
        var marked = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => SolutionMarkerScanner.Scan(File.ReadAllText(f), f).Count > 0 || File.ReadAllText(f).Contains("BEGIN SOLUTION", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(marked);
    }

    [Fact]
    public void Kits_ShipOnlyTheirModules()
    {
        var release = new KitRelease(Layout);
        var modules = CourseModules.Load(Layout.ReferenceLibrary);
        var a1 = release.Build("a1-mnist-softmax").Files.Keys.Where(k => k.StartsWith("NeuralNet/", StringComparison.Ordinal) && k.EndsWith(".cs", StringComparison.Ordinal)).ToList();
        Assert.Equal(modules.SourcesOf(["a1"]).Select(f => $"NeuralNet/{f}"), a1);
        Assert.DoesNotContain("NeuralNet/Layers/Linear.cs", a1);
        Assert.DoesNotContain(a1, f => f.StartsWith("NeuralNet/Transformer/", StringComparison.Ordinal) || f.StartsWith("NeuralNet/Tensors/", StringComparison.Ordinal));
        var hw5 = release.Build("hw5-neuralnet-cli").Files.Keys;
        Assert.Contains("lib/NeuralNet.Core.dll", hw5);
        Assert.Contains("lib/NeuralNet.Core.xml", hw5);
        Assert.Equal(["NeuralNet/Models/Hw5/Hw5Forward.cs", "NeuralNet/Models/Hw5/Hw5Init.cs", "NeuralNet/Models/Hw5/Hw5Network.cs"],
            hw5.Where(k => k.StartsWith("NeuralNet/", StringComparison.Ordinal) && k.EndsWith(".cs", StringComparison.Ordinal)));
    }

    [Fact]
    public void Modules_EverySourceHasExactlyOne_AndAClaimlessSourceIsNamed()
    {
        var modules = CourseModules.Load(Layout.ReferenceLibrary);
        Assert.Equal(modules.Sources, modules.All.SelectMany(m => modules.Sources.Where(m.Holds)).Order(StringComparer.Ordinal));
        Assert.Equal(["optimizers", "a1"], modules.Closure(["a1"]).Select(m => m.Name));
        var unknown = Assert.Throws<ArgumentException>(() => modules.Closure(["hw4"]));
        Assert.Contains("'hw4' is not a module", unknown.Message, StringComparison.Ordinal);

        var course = Directory.CreateTempSubdirectory("modules-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(course, "A.cs"), "class A {}");
            File.WriteAllText(Path.Combine(course, "B.cs"), "class B {}");
            File.WriteAllText(Path.Combine(course, CourseModules.FileName), "modules:\n  - { name: a, files: [A.cs] }\n");
            var error = Assert.Throws<AssignmentProfileException>(() => CourseModules.Load(course));
            Assert.Contains("reference/NeuralNet/B.cs belongs to no module", error.Message, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(course, CourseModules.FileName), "modules:\n  - { name: a, files: [A.cs, B.cs] }\n  - { name: b, files: [B.cs], uses: [c] }\n");
            var twice = Assert.Throws<AssignmentProfileException>(() => CourseModules.Load(course));
            Assert.Contains("uses 'c', which is not a module", twice.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(course, recursive: true);
        }
    }

    private static string Squeeze(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);
}
