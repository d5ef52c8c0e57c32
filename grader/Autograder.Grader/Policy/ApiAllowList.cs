using Microsoft.CodeAnalysis;

namespace Autograder.Grader.Policy;

/// <summary>
/// Which types a submission may touch outside its own course library: primitives, Math/MathF,
/// spans, LINQ, collections, TensorPrimitives, exceptions and a few harmless helpers. Everything
/// else is denied; the common offenders get a reason the student can act on.
/// </summary>
internal static class ApiAllowList
{
    private static readonly HashSet<string> SystemTypes =
    [
        "Object", "String", "Boolean", "Byte", "SByte", "Char", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64",
        "Single", "Double", "Decimal", "Half", "Math", "MathF", "Span", "ReadOnlySpan", "Memory", "ReadOnlyMemory",
        "Array", "ArraySegment", "MemoryExtensions", "Func", "Action", "Predicate", "Comparison", "Converter", "Tuple",
        "ValueTuple", "Nullable", "Index", "Range", "Enum", "IComparable", "IEquatable", "IDisposable", "IFormattable",
        "StringComparison", "StringComparer", "StringSplitOptions", "HashCode", "Lazy", "BitConverter", "Convert",
        "Buffer", "MidpointRounding", "Void", "FormattableString", "IFormatProvider", "ISpanFormattable",
    ];

    private static readonly HashSet<string> AllowedNamespaces =
    [
        "System.Collections", "System.Collections.Generic", "System.Collections.ObjectModel", "System.Collections.Immutable",
        "System.Linq", "System.Numerics", "System.Globalization", "System.Diagnostics.CodeAnalysis",
    ];

    private static readonly HashSet<string> AllowedTypes =
    [
        "System.Numerics.Tensors.TensorPrimitives", "System.Text.StringBuilder", "System.Threading.Tasks.Parallel",
        "System.Threading.Tasks.ParallelLoopResult", "System.Threading.Tasks.ParallelOptions", "System.Threading.Interlocked",
        "System.Runtime.CompilerServices.MethodImplAttribute", "System.Runtime.CompilerServices.MethodImplOptions",
    ];

    private static readonly (string Prefix, string Rule, string Reason)[] DeniedNamespaces =
    [
        ("System.IO", "io", "no file or stream access"),
        ("System.Net", "network", "no network access"),
        ("System.Diagnostics", "process", "no processes, debuggers or tracing"),
        ("System.Reflection", "reflection", "no reflection"),
        ("System.Runtime.InteropServices", "interop", "no native interop"),
        ("System.Runtime.Loader", "reflection", "no assembly loading"),
        ("System.Runtime.CompilerServices", "runtime", "no runtime tricks"),
        ("System.Threading", "threads", "no threads, timers or tasks; Parallel.For is allowed"),
        ("System.Security", "security", "no security APIs"),
        ("Microsoft", "platform", "no platform APIs"),
    ];

    /// <summary>
    /// Course-library types that read or write files or read the environment. The library is the student's own
    /// assembly, so the namespace rules above never see it: without this list a submission could reach the file
    /// system through, e.g., <c>TrainingLogJson.Write</c> or <c>DataStore.Load</c>. <c>LibraryFileAccessTests</c>
    /// checks that every library type using System.IO's file system or Environment is listed here.
    /// </summary>
    internal static readonly HashSet<string> DeniedLibraryTypes =
    [
        "NeuralNet.Data.ChecksumManifest", "NeuralNet.Data.CsvDataset", "NeuralNet.Data.DataStore", "NeuralNet.Data.IdxReader",
        "NeuralNet.Data.IdxWriter", "NeuralNet.Data.MnistSubsetJson", "NeuralNet.Experiments.ExperimentLoader",
        "NeuralNet.Experiments.TrainingLogJson", "NeuralNet.Experiments.YamlLocator", "NeuralNet.Transformer.ShakespeareData",
        "NeuralNet.Transformer.TransformerExperiment", "NeuralNet.Transformer.TransformerExperimentConfig", "NeuralNet.Transformer.TransformerRunLog",
    ];

    private static readonly Dictionary<string, (string Rule, string Reason)> DeniedSystemTypes = new()
    {
        ["Console"] = ("console", "submissions must not print or read the console"),
        ["Environment"] = ("environment", "no process exit, environment variables or working directory"),
        ["GC"] = ("gc", "no garbage-collector control"),
        ["AppDomain"] = ("reflection", "no app-domain access"),
        ["Activator"] = ("reflection", "no reflection"),
        ["Type"] = ("reflection", "no reflection"),
        ["Delegate"] = ("reflection", "no dynamic invocation"),
        ["Random"] = ("randomness", "use NeuralNet.Rng so results are reproducible"),
    };

    /// <summary>Null when <paramref name="type"/> may be used, else (rule, reason).</summary>
    public static (string Rule, string Reason)? Check(INamedTypeSymbol type, IAssemblySymbol own, string? member, PolicyOptions options)
    {
        var outer = type;
        while (outer.ContainingType is { } parent)
        {
            outer = parent;
        }

        if (SymbolEqualityComparer.Default.Equals(outer.ContainingAssembly, own) || outer.ContainingAssembly?.Name == Compilation.CompilerReferences.CoreAssembly)
        {
            return DeniedLibraryTypes.Contains(outer.ToDisplayString())
                ? ("library-io", "the course library's file, data and experiment loaders are not for submissions (no file access)")
                : null;
        }

        var ns = outer.ContainingNamespace?.ToDisplayString() ?? "";
        var full = ns.Length == 0 ? outer.Name : $"{ns}.{outer.Name}";
        // Allowed namespaces still hold members that read or write memory unchecked (Vector.LoadUnsafe(ref T, nuint), ...).
        if (member is not null && (member.Contains("Unsafe", StringComparison.Ordinal) || member is "AsRef" or "GetReference" or "GetArrayDataReference"))
        {
            return ("unsafe-memory", "unchecked memory access is not allowed in submissions");
        }

        if (AllowedTypes.Contains(full) || AllowedNamespaces.Contains(ns))
        {
            return null;
        }

        if (ns == "System")
        {
            if (outer.Name == "Console" && options.AllowConsoleWrite && member is "Write" or "WriteLine")
            {
                return null;
            }

            if (DeniedSystemTypes.TryGetValue(outer.Name, out var denied))
            {
                return denied;
            }

            if (SystemTypes.Contains(outer.Name) || DerivesFrom(outer, "System.Exception") || DerivesFrom(outer, "System.Attribute"))
            {
                return null;
            }
        }

        foreach (var (prefix, rule, reason) in DeniedNamespaces)
        {
            if (ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                return (rule, reason);
            }
        }

        return ("not-allowed", "only System primitives, Math, spans, collections, LINQ, TensorPrimitives and the course library may be used");
    }

    private static bool DerivesFrom(INamedTypeSymbol type, string baseName)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.ToDisplayString() == baseName)
            {
                return true;
            }
        }

        return false;
    }
}
