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

    /// <summary>
    /// The running framework's assemblies plus the package assemblies of <paramref name="folder"/> (a publish of the grader)
    /// in place of the grader's own: what an assembly that will run from that folder compiles against.
    /// </summary>
    /// <param name="folder">a folder holding NeuralNet.Core.dll and its package dependencies</param>
    /// <returns>the references</returns>
    /// <exception cref="FileNotFoundException">the folder lacks one of <see cref="PackageAssemblies"/></exception>
    public static IReadOnlyList<MetadataReference> WithPackagesFrom(string folder)
    {
        var packages = PackageAssemblies.Select(name => Path.Combine(folder, name + ".dll")).ToList();
        if (packages.FirstOrDefault(p => !File.Exists(p)) is { } missing)
        {
            throw new FileNotFoundException($"{Path.GetFileName(missing)} is not in {folder}", missing);
        }

        return [.. TrustedPlatformAssemblies()
            .Where(p => IsFramework(p) && !PackageAssemblies.Contains(Path.GetFileNameWithoutExtension(p)))
            .Concat(packages)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    private static List<MetadataReference> Load() =>
        TrustedPlatformAssemblies()
            .Where(p => IsFramework(p) || PackageAssemblies.Contains(Path.GetFileNameWithoutExtension(p)))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();

    /// <summary>True for an assembly of the running framework (from the runtime folder).</summary>
    private static bool IsFramework(string path) =>
        Path.GetFullPath(path).StartsWith(Path.GetFullPath(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory()), StringComparison.Ordinal);

    private static string[] TrustedPlatformAssemblies() =>
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
}
