namespace Benchmarks;

/// <summary>How the process runs, for the record in every JSON line.</summary>
internal static class RuntimeInfo
{
    /// <summary>"segments" when a standalone GC (libclrgc) is loaded, else "regions" (the .NET 7+ default).</summary>
    public static string GcKind { get; } =
        GC.GetConfigurationVariables().TryGetValue("GCName", out var name) && name is string s && s.Length > 0 ? "segments" : "regions";
}
