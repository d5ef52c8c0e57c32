using Microsoft.CodeAnalysis;

namespace Autograder.Grader.Compilation;

/// <summary>
/// What a submission compiles against: the running framework's assemblies (the trusted platform
/// assemblies from the runtime folder) plus the course library's package dependencies
/// (System.Numerics.Tensors, YamlDotNet). Loaded once per grader process.
/// </summary>
internal static class CompilerReferences
{
    /// <summary>The package assemblies the course library uses; copied beside the student build for the worker.</summary>
    public static readonly string[] PackageAssemblies = ["System.Numerics.Tensors", "YamlDotNet"];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> All = new(Load);

    public static IReadOnlyList<MetadataReference> References => All.Value;

    /// <summary>Full paths of the package assemblies available to the grader.</summary>
    public static IEnumerable<string> PackagePaths() =>
        TrustedPlatformAssemblies().Where(p => PackageAssemblies.Contains(Path.GetFileNameWithoutExtension(p)));

    private static List<MetadataReference> Load()
    {
        var runtimeDir = Path.GetFullPath(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory());
        return TrustedPlatformAssemblies()
            .Where(p => Path.GetFullPath(p).StartsWith(runtimeDir, StringComparison.Ordinal) || PackageAssemblies.Contains(Path.GetFileNameWithoutExtension(p)))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
    }

    private static string[] TrustedPlatformAssemblies() =>
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
}
