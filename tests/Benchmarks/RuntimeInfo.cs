namespace Benchmarks;

/// <summary>How the process runs, for the record in every JSON line.</summary>
internal static class RuntimeInfo
{
    /// <summary>"segments" when a standalone GC (libclrgc) is loaded, else "regions" (the .NET 7+ default); plus the large-object threshold and gen0 budget when set.</summary>
    public static string GcKind { get; } = Describe(GC.GetConfigurationVariables());

    private static string Describe(IReadOnlyDictionary<string, object> settings)
    {
        var kind = settings.TryGetValue("GCName", out var name) && name is string s && s.Length > 0 ? "segments" : "regions";
        if (settings.TryGetValue("LOHThreshold", out var threshold) && threshold is not null && Convert.ToInt64(threshold, System.Globalization.CultureInfo.InvariantCulture) > 85000)
        {
            kind += $", LOH threshold {threshold}";
        }

        return settings.TryGetValue("GCGen0MaxBudget", out var budget) && budget is not null && Convert.ToInt64(budget, System.Globalization.CultureInfo.InvariantCulture) > 0
            ? $"{kind}, gen0 budget {budget}"
            : kind;
    }

    /// <summary>
    /// Minor page faults of this process so far (Linux, field 10 of /proc/self/stat; -1 elsewhere): first touches of
    /// memory the OS has to map, which is what freshly allocated multi-megabyte arrays cost.
    /// </summary>
    public static long MinorFaults()
    {
        const string stat = "/proc/self/stat";
        if (!File.Exists(stat))
        {
            return -1;
        }

        // The command name (field 2) may contain spaces; count fields after its closing parenthesis.
        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[7], System.Globalization.CultureInfo.InvariantCulture);
    }
}
