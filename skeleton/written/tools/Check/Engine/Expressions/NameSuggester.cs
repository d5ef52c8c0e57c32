namespace Autograder.Grader.Written.Expressions;

/// <summary>
/// Suggests the allowed name a student probably meant: a case-insensitive match first
/// (<c>sigmoid</c> -> <c>Sigmoid</c>), then a few course spellings (<c>sigma</c>, <c>ln</c>),
/// then the closest name by edit distance when it is close enough to be a typo.
/// </summary>
public static class NameSuggester
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sigma"] = "Sigmoid",
        ["sig"] = "Sigmoid",
        ["logistic"] = "Sigmoid",
        ["ln"] = "Log",
        ["exp"] = "Exp",
        ["heaviside"] = "H",
        ["step"] = "H",
        ["indicator"] = "I",
        ["relu"] = "Relu",
        ["transpose"] = "T",
        ["power"] = "Pow",
        ["sum"] = "Sum",
    };

    /// <summary>The best candidate for <paramref name="name"/>, or null when none is close.</summary>
    public static string? Suggest(string name, IEnumerable<string> candidates)
    {
        var pool = candidates.Distinct(StringComparer.Ordinal).ToList();
        var caseMatch = pool.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
        if (caseMatch is not null)
        {
            return caseMatch;
        }

        if (Aliases.TryGetValue(name, out var alias) && pool.Contains(alias))
        {
            return alias;
        }

        var best = pool
            .Select(c => (Name: c, Distance: Distance(name.ToLowerInvariant(), c.ToLowerInvariant())))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        var allowed = Math.Max(1, name.Length / 3);
        return best.Name is not null && best.Distance <= allowed ? best.Name : null;
    }

    /// <summary>Edit distance with adjacent transpositions (optimal string alignment): insert, delete, substitute, swap cost 1 each.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        var beforePrevious = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }
}
