using Microsoft.CodeAnalysis;

namespace Autograder.Grader.Compilation;

/// <summary>
/// What a submission compiles against: the running framework's assemblies (the trusted platform
/// assemblies from the runtime folder) plus the pristine NeuralNet.Core the grader itself runs on and its package
/// dependencies (System.Numerics.Tensors, YamlDotNet). Loaded once per grader process.
/// </summary>
internal static class CompilerReferences
{
    /// <summary>The package assemblies the course library uses; copied beside the student build for the worker.</summary>
    public static readonly string[] PackageAssemblies = [CoreAssembly, "System.Numerics.Tensors", "YamlDotNet"];

    /// <summary>NeuralNet.Core: the pristine compiled core every submission compiles against (never the student's source).</summary>
    public const string CoreAssembly = "NeuralNet.Core";

    private static readonly Lazy<IReadOnlyList<MetadataReference>> All = new(Load);

    private static readonly Lazy<string> Core = new(() => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(
        PackagePaths().FirstOrDefault(p => Path.GetFileNameWithoutExtension(p) == CoreAssembly) ?? throw new FileNotFoundException($"{CoreAssembly}.dll is not among the grader's assemblies")))));

    /// <summary>SHA-256 of the NeuralNet.Core.dll submissions compile against: part of every cache key, beside the module sources.</summary>
    public static string CoreHash => Core.Value;

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
