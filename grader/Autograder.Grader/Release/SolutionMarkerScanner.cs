using System.Text.RegularExpressions;

namespace Autograder.Grader.Release;

/// <summary>
/// Finds the student-facing solution regions of a reference source file:
/// <code>
/// // TASK(linear.backward): one-line instruction for students (the kit shows it as TODO(linear.backward))
/// //   (optional further comment lines, e.g. shapes)
/// // BEGIN SOLUTION linear.backward
/// ... solution code ...
/// // END SOLUTION
/// </code>
/// Unbalanced, nested, malformed or unknown markers are errors naming the file and line.
/// </summary>
public static partial class SolutionMarkerScanner
{
    /// <summary>Scans one file.</summary>
    /// <param name="text">the file's contents</param>
    /// <param name="file">the name used in errors and in the regions (e.g. a path relative to the library)</param>
    /// <param name="knownParts">when given, every marker's part must be one of these</param>
    public static IReadOnlyList<SolutionRegion> Scan(string text, string file, IReadOnlySet<string>? knownParts = null)
    {
        var lines = SourceLines.Split(text).Select(SourceLines.Content).ToArray();
        var regions = new List<SolutionRegion>();
        var attachedTodos = new HashSet<int>();
        (string Part, int Line)? open = null;

        for (var i = 0; i < lines.Length; i++)
        {
            var lineNo = i + 1;
            var trimmed = lines[i].Trim();
            if (trimmed.Contains("BEGIN SOLUTION", StringComparison.Ordinal))
            {
                var part = ParseBegin(trimmed, file, lineNo);
                CheckKnown(part, file, lineNo, knownParts);
                if (open is { } outer)
                {
                    throw new MarkerException(file, lineNo,
                        $"nested solution region: BEGIN SOLUTION {part} inside BEGIN SOLUTION {outer.Part} (opened at line {outer.Line}); close the outer region first");
                }

                open = (part, lineNo);
            }
            else if (trimmed.Contains("END SOLUTION", StringComparison.Ordinal))
            {
                var part = ParseEnd(trimmed, file, lineNo);
                if (open is not { } region)
                {
                    throw new MarkerException(file, lineNo, "END SOLUTION without a matching BEGIN SOLUTION above it");
                }

                if (part is not null && part != region.Part)
                {
                    throw new MarkerException(file, lineNo,
                        $"END SOLUTION {part} closes BEGIN SOLUTION {region.Part} (line {region.Line}); the part ids must match");
                }

                var (todoLine, instruction) = FindTodo(lines, region.Line, region.Part, file);
                attachedTodos.Add(todoLine);
                regions.Add(new SolutionRegion(region.Part, file, todoLine, region.Line, lineNo, instruction,
                    SourceLines.LeadingWhitespace(lines[region.Line - 1])));
                open = null;
            }
        }

        if (open is { } unclosed)
        {
            throw new MarkerException(file, unclosed.Line,
                $"BEGIN SOLUTION {unclosed.Part} is never closed; add // END SOLUTION after the solution code");
        }

        CheckStrayTodos(lines, attachedTodos, file, knownParts);
        return regions;
    }

    private static string ParseBegin(string trimmed, string file, int line)
    {
        var match = BeginPattern().Match(trimmed);
        if (!match.Success)
        {
            throw new MarkerException(file, line,
                $"malformed marker '{trimmed}'; expected '// BEGIN SOLUTION <part>' alone on its line, with a part id like linear.backward");
        }

        return match.Groups["part"].Value;
    }

    private static string? ParseEnd(string trimmed, string file, int line)
    {
        var match = EndPattern().Match(trimmed);
        if (!match.Success)
        {
            throw new MarkerException(file, line,
                $"malformed marker '{trimmed}'; expected '// END SOLUTION' (optionally followed by the part id) alone on its line");
        }

        return match.Groups["part"].Success ? match.Groups["part"].Value : null;
    }

    private static void CheckKnown(string part, string file, int line, IReadOnlySet<string>? knownParts)
    {
        if (knownParts is not null && !knownParts.Contains(part))
        {
            throw new MarkerException(file, line,
                $"unknown part '{part}' (no assignment profile lists it, grader/KitTemplate/checks has no test for it and checks/unchecked-parts.txt does not list it; known parts: {string.Join(", ", knownParts.Order(StringComparer.Ordinal))})");
        }
    }

    // The TODO line sits in the block of comment lines directly above BEGIN; lines between it and
    // BEGIN are further instructions (shapes, hints) that stay in the kit.
    private static (int Line, string Instruction) FindTodo(string[] lines, int beginLine, string part, string file)
    {
        for (var i = beginLine - 2; i >= 0; i--)
        {
            var trimmed = lines[i].Trim();
            if (!trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("///", StringComparison.Ordinal))
            {
                break;
            }

            var match = TodoPattern().Match(trimmed);
            if (match.Success)
            {
                var todoPart = match.Groups["part"].Value;
                if (todoPart != part)
                {
                    throw new MarkerException(file, i + 1,
                        $"TASK({todoPart}) introduces BEGIN SOLUTION {part} (line {beginLine}); the part ids must match");
                }

                var instruction = match.Groups["text"].Value.Trim();
                if (instruction.Length == 0)
                {
                    throw new MarkerException(file, i + 1, $"TASK({part}) has no instruction; write one line telling students what to implement");
                }

                return (i + 1, instruction);
            }
        }

        throw new MarkerException(file, beginLine,
            $"BEGIN SOLUTION {part} has no '// TASK({part}): <instruction>' comment line just above it");
    }

    private static void CheckStrayTodos(string[] lines, HashSet<int> attached, string file, IReadOnlySet<string>? knownParts)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var match = TodoPattern().Match(lines[i].Trim());
            if (!match.Success || attached.Contains(i + 1))
            {
                continue;
            }

            var part = match.Groups["part"].Value;
            if (knownParts is null || knownParts.Contains(part))
            {
                throw new MarkerException(file, i + 1,
                    $"TASK({part}) is not followed by a BEGIN SOLUTION {part} region; put the marker just below it or drop the TASK line");
            }
        }
    }

    [GeneratedRegex(@"^//\s*BEGIN SOLUTION\s+(?<part>[a-z][a-z0-9_]*(\.[a-z0-9_]+)*)\s*$")]
    private static partial Regex BeginPattern();

    [GeneratedRegex(@"^//\s*END SOLUTION(\s+(?<part>[a-z][a-z0-9_]*(\.[a-z0-9_]+)*))?\s*$")]
    private static partial Regex EndPattern();

    [GeneratedRegex(@"^//\s*TASK\((?<part>[a-z][a-z0-9_]*(\.[a-z0-9_]+)*)\):(?<text>.*)$")]
    private static partial Regex TodoPattern();
}
