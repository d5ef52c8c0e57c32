using System.Text;
using System.Text.RegularExpressions;

namespace Autograder.Grader.Compilation;

/// <summary>
/// The grader's own small marker scanner: finds solution regions and writes the kit's stub of a file
/// (each assigned region replaced by <c>throw new NotImplementedException("TODO(part)")</c>), used to
/// keep a submission compiling when one of its files does not.
/// </summary>
public static partial class SolutionRegions
{
    [GeneratedRegex(@"^\s*//\s*BEGIN SOLUTION\s+(?<part>\S+)\s*$")]
    private static partial Regex Begin();

    [GeneratedRegex(@"^\s*//\s*END SOLUTION\s*$")]
    private static partial Regex End();

    /// <summary>The regions of <paramref name="text"/>; unbalanced or nested markers throw, naming the file and line.</summary>
    public static IReadOnlyList<SolutionRegion> Scan(string text, string fileName)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var regions = new List<SolutionRegion>();
        (string Part, int Line)? open = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (Begin().Match(lines[i]) is { Success: true } m)
            {
                if (open is { } o)
                {
                    throw new FormatException($"{fileName}({i + 1}): BEGIN SOLUTION {m.Groups["part"].Value} is nested inside {o.Part} (opened at line {o.Line + 1})");
                }

                open = (m.Groups["part"].Value, i);
            }
            else if (End().IsMatch(lines[i]))
            {
                if (open is not { } o)
                {
                    throw new FormatException($"{fileName}({i + 1}): END SOLUTION without a BEGIN SOLUTION");
                }

                regions.Add(new SolutionRegion(o.Part, o.Line, i));
                open = null;
            }
        }

        return open is { } unclosed
            ? throw new FormatException($"{fileName}({unclosed.Line + 1}): BEGIN SOLUTION {unclosed.Part} is never closed")
            : regions;
    }

    /// <summary>The stub of <paramref name="text"/>: each region of a part in <paramref name="parts"/> becomes a TODO throw.</summary>
    public static string Stub(string text, string fileName, IReadOnlyCollection<string> parts)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var regions = Scan(text, fileName).Where(r => parts.Contains(r.Part)).ToList();
        var output = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var region = regions.FirstOrDefault(r => r.BeginLine <= i && i <= r.EndLine);
            if (region is null)
            {
                output.Append(lines[i]);
                if (i < lines.Length - 1)
                {
                    output.Append('\n');
                }

                continue;
            }

            if (i == region.BeginLine)
            {
                var indent = lines[i][..(lines[i].Length - lines[i].TrimStart().Length)];
                output.Append(indent).Append("throw new NotImplementedException(\"TODO(").Append(region.Part).Append(")\");\n");
            }
        }

        return output.ToString();
    }
}
