namespace Autograder.Grader.Written.Kit;

/// <summary>Wraps prose into comment or Markdown lines of a bounded width.</summary>
internal static class TextWrap
{
    public static IEnumerable<string> Lines(string text, int width)
    {
        var line = "";
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line;
                line = "";
            }

            line = line.Length == 0 ? word : $"{line} {word}";
        }

        if (line.Length > 0)
        {
            yield return line;
        }
    }
}
