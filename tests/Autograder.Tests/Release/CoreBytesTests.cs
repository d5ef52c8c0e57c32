using Autograder.Tests.Experiments;

namespace Autograder.Tests.Release;

/// <summary>
/// The kits ship NeuralNet.Core.dll, and SkeletonDriftTests compares its bytes with what a build makes, so the DLL must
/// not depend on the folder it is built in. Source generators that name file-local types after the generated file's
/// path break that ([GeneratedRegex] did: a fresh clone built different bytes).
/// </summary>
public sealed class CoreBytesTests
{
    [Fact]
    public void CoreSources_UseNoPathDependentSourceGenerator()
    {
        var core = RepoRoot.Combine("reference", "NeuralNet.Core");
        var offenders = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(core, f), Line: i + 1, Text: line)))
            .Where(l => l.Text.TrimStart().StartsWith("[GeneratedRegex", StringComparison.Ordinal) || l.Text.TrimStart().StartsWith("[LibraryImport", StringComparison.Ordinal))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "path-dependent source generator in NeuralNet.Core:\n" + string.Join("\n", offenders));
    }
}
