namespace Autograder.Grader.Release;

/// <summary>
/// A source file split into lines that keep their own line endings, so a file can be rewritten
/// line by line and joined back without changing "\n" to "\r\n" or dropping a final newline.
/// </summary>
internal static class SourceLines
{
    public static IReadOnlyList<string> Split(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    /// <summary>The line without its "\n" or "\r\n".</summary>
    public static string Content(string line) => line.TrimEnd('\n').TrimEnd('\r');

    /// <summary>The line ending of a line ("", "\n" or "\r\n").</summary>
    public static string Ending(string line) => line[Content(line).Length..];

    public static string LeadingWhitespace(string line)
    {
        var content = Content(line);
        return content[..(content.Length - content.TrimStart().Length)];
    }
}
