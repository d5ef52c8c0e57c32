using System.Text;
using System.Text.RegularExpressions;

namespace Autograder.Grader.Release;

/// <summary>
/// Turns a reference source file into its kit version. An assigned region keeps its comment
/// block (its <c>// TASK(part):</c> line shown as <c>// TODO(part):</c>) and becomes <c>throw new NotImplementedException("TODO(part): instruction");</c>; every other
/// region stays as provided code with its TASK line and markers removed.
/// </summary>
public static partial class RegionReplacer
{
    /// <summary>The message a stubbed region throws; kit tests recognise the <c>TODO(part)</c> prefix.</summary>
    public static string StubMessage(SolutionRegion region) => $"TODO({region.Part}): {region.Instruction}";

    /// <summary>The statement that replaces an assigned region.</summary>
    public static string StubStatement(SolutionRegion region) =>
        $"throw new NotImplementedException(\"{Escape(StubMessage(region))}\");";

    /// <summary>The statement that replaces a region another assignment assigns: its solution is not this kit's to ship.</summary>
    public static string WithheldStatement(SolutionRegion region, string owners) =>
        $"throw new NotSupportedException(\"{Escape($"{region.Part} is assigned in {owners}; this kit does not include its solution and does not need it")}\");";

    /// <summary>Rewrites one file.</summary>
    /// <param name="text">the reference file's contents</param>
    /// <param name="regions">its regions, as found by <see cref="SolutionMarkerScanner.Scan"/></param>
    /// <param name="assigned">the part ids students implement in this assignment</param>
    /// <param name="withheld">parts another assignment assigns, with the assignments' ids: their regions become a throw without a TODO</param>
    /// <returns>the kit file's contents (line endings preserved)</returns>
    public static string Apply(string text, IReadOnlyList<SolutionRegion> regions, IReadOnlySet<string> assigned, IReadOnlyDictionary<string, string>? withheld = null)
    {
        var lines = SourceLines.Split(text);
        var output = new StringBuilder(text.Length);
        var next = 0;
        foreach (var region in regions.OrderBy(r => r.BeginLine))
        {
            // Lines before the region's comment block are copied unchanged.
            for (; next < region.TodoLine - 1; next++)
            {
                output.Append(lines[next]);
            }

            var ending = SourceLines.Ending(lines[region.BeginLine - 1]);
            if (assigned.Contains(region.Part))
            {
                // The reference says TASK(part) so that it holds no TODO; the kit's students see TODO(part).
                output.Append(TaskToTodo(lines[region.TodoLine - 1]));
                for (var i = region.TodoLine; i < region.BeginLine - 1; i++)
                {
                    output.Append(lines[i]);
                }

                output.Append(region.Indent).Append(StubStatement(region)).Append(ending);
            }
            else if (withheld is not null && withheld.TryGetValue(region.Part, out var owners))
            {
                // Another assignment's part: no TODO block (nothing to do here), no solution.
                output.Append(region.Indent).Append(WithheldStatement(region, owners)).Append(ending);
            }
            else
            {
                // Provided code: drop the TODO block and both markers so the kit reads as plain code.
                for (var i = region.BeginLine; i < region.EndLine - 1; i++)
                {
                    output.Append(lines[i]);
                }
            }

            next = region.EndLine;
        }

        for (; next < lines.Count; next++)
        {
            output.Append(lines[next]);
        }

        return output.ToString();
    }

    // The scanner accepts any spacing after "//" (SolutionMarkerScanner's TASK pattern), so this does too.
    private static string TaskToTodo(string line) => TaskMarker().Replace(line, "// TODO(", 1);

    [GeneratedRegex(@"//\s*TASK\(")]
    private static partial Regex TaskMarker();

    private static string Escape(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
