using System.Text.RegularExpressions;

namespace Autograder.Grader.Written.Answers;

/// <summary>Reads a shape answer: <c>3x2</c>, <c>3 x 2</c>, <c>3×2</c>, <c>3*2</c> or <c>(3, 2)</c> (height x width).</summary>
public static partial class ShapeAnswer
{
    public static (int Height, int Width)? TryParse(string? text)
    {
        var m = text is null ? null : Pattern().Match(text);
        return m is { Success: true } && int.TryParse(m.Groups[1].Value, out var h) && int.TryParse(m.Groups[2].Value, out var w) ? (h, w) : null;
    }

    [GeneratedRegex(@"^\s*\(?\s*(\d{1,6})\s*(?:x|X|×|\*|,)\s*(\d{1,6})\s*\)?\s*$")]
    private static partial Regex Pattern();
}
