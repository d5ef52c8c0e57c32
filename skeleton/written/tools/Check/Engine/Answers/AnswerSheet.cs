using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Autograder.Grader.Written.Answers;

/// <summary>
/// A student's <c>answers.yaml</c>: a mapping from question id to answer. Only scalars, short lists
/// and one level of nested mapping are read (no types are instantiated, aliases are refused); a
/// malformed file or entry becomes a message, never an exception.
/// </summary>
public sealed class AnswerSheet
{
    public const string FileName = "answers.yaml";
    public const int MaxBytes = 64 * 1024;
    public const int MaxItems = 16;

    /// <summary>How many unreadable entries are set aside before the whole file counts as unreadable.</summary>
    public const int MaxUnreadable = 8;

    private AnswerSheet(IReadOnlyDictionary<string, StudentAnswer> answers, IReadOnlyList<string> problems, IReadOnlyDictionary<string, UnreadableAnswer>? unreadable = null)
    {
        Answers = answers;
        Problems = problems;
        Unreadable = unreadable ?? new Dictionary<string, UnreadableAnswer>(StringComparer.Ordinal);
    }

    /// <summary>
    /// Questions whose entry the YAML parser could not read (e.g. an unquoted answer holding ': '), with where and why:
    /// each costs its own question (its result says why), and the rest of the file is read as written. They are not
    /// in <see cref="Problems"/>, which are the file's own.
    /// </summary>
    public IReadOnlyDictionary<string, UnreadableAnswer> Unreadable { get; }

    public IReadOnlyDictionary<string, StudentAnswer> Answers { get; }

    /// <summary>What was wrong with the file itself (syntax, duplicate or unknown keys are added by the grader).</summary>
    public IReadOnlyList<string> Problems { get; }

    public StudentAnswer this[string id] => Answers.TryGetValue(id, out var a) ? a : StudentAnswer.Missing;

    public static AnswerSheet Empty(string problem) => new(new Dictionary<string, StudentAnswer>(), [problem]);

    public static AnswerSheet Load(string path)
    {
        if (!File.Exists(path))
        {
            return Empty($"{FileName} was not found in the submission");
        }

        var length = new FileInfo(path).Length;
        return length > MaxBytes ? Empty($"{FileName} is {length} bytes; at most {MaxBytes} are read") : Parse(File.ReadAllText(path));
    }

    public static AnswerSheet Parse(string text)
    {
        if (text.Length > MaxBytes)
        {
            return Empty($"{FileName} is {text.Length} characters; at most {MaxBytes} are read");
        }

        YamlStream stream;
        var unreadable = new Dictionary<string, UnreadableAnswer>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        while (true)
        {
            try
            {
                stream = new YamlStream();
                stream.Load(new StringReader(string.Join('\n', lines)));
                break;
            }
            catch (YamlException ex)
            {
                // One answer the parser cannot read costs its question, not the sheet: the top-level entry holding the
                // error is set aside (its lines blanked, so every other line keeps its number) and the file read again.
                if (unreadable.Count >= MaxUnreadable || SetAside(lines, (int)ex.Start.Line) is not { } key || unreadable.ContainsKey(key))
                {
                    return Empty($"{FileName}({ex.Start.Line},{ex.Start.Column}): not valid YAML: {ex.InnerException?.Message ?? ex.Message}");
                }

                unreadable[key] = new UnreadableAnswer((int)ex.Start.Line, $"not valid YAML: {ex.InnerException?.Message ?? ex.Message} (an answer holding ': ', '#' or starting with a quote, brace or bracket must be quoted: {key}: \"...\")");
            }
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return Empty($"{FileName} is empty");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return Empty($"{FileName} must be a mapping 'question id: answer'");
        }

        var answers = new Dictionary<string, StudentAnswer>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var line = (int)keyNode.Start.Line;
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                problems.Add($"line {line}: keys must be question ids");
                continue;
            }

            if (answers.ContainsKey(key))
            {
                problems.Add($"line {line}: '{key}' is answered twice; the first answer counts");
                continue;
            }

            var (answer, problem) = Read(valueNode, depth: 0);
            answers[key] = answer;
            if (problem is not null)
            {
                problems.Add($"line {answer.Line}: '{key}': {problem}");
            }
        }

        foreach (var key in unreadable.Keys)
        {
            answers.Remove(key);
        }

        return new AnswerSheet(answers, problems, unreadable);
    }

    /// <summary>
    /// Blanks the top-level entry (a line 'key: ...' at column 0 and the indented or blank lines after it) that holds
    /// 1-based line <paramref name="errorLine"/>, leaving 'key:' so the key still parses; returns the key, or null when
    /// the line belongs to no entry.
    /// </summary>
    private static string? SetAside(string[] lines, int errorLine)
    {
        static string? KeyOf(string line)
        {
            if (line.Length == 0 || char.IsWhiteSpace(line[0]) || line[0] is '#' or '-' or '"' or '\'' or '{' or '[')
            {
                return null;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && (colon == line.Length - 1 || char.IsWhiteSpace(line[colon + 1])) ? line[..colon].Trim() : null;
        }

        // The entry is the last key line at or above the error. When the parser reports an error after its real cause (an
        // unterminated quote), the entry found is set aside, the same error comes back at the same key, and the caller
        // gives up on the file as before: nothing is set aside that the parse did not point at.
        for (var start = Math.Min(errorLine, lines.Length) - 1; start >= 0; start--)
        {
            if (KeyOf(lines[start]) is not { } key)
            {
                continue;
            }

            lines[start] = key + ":";
            for (var i = start + 1; i < lines.Length && (lines[i].Length == 0 || char.IsWhiteSpace(lines[i][0]) || lines[i].StartsWith('#')); i++)
            {
                lines[i] = "";
            }

            return key;
        }

        return null;
    }

    private static (StudentAnswer Answer, string? Problem) Read(YamlNode node, int depth)
    {
        var line = (int)node.Start.Line;
        if (!node.Anchor.IsEmpty)
        {
            return (new StudentAnswer(line, null), "anchors and aliases are not accepted");
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                return (new StudentAnswer(line, scalar.Value), null);
            case YamlSequenceNode seq when seq.Children.Count <= MaxItems && seq.Children.All(c => c is YamlScalarNode && c.Anchor.IsEmpty):
                return (new StudentAnswer(line, null, seq.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList()), null);
            case YamlSequenceNode:
                return (new StudentAnswer(line, null), $"a list must hold at most {MaxItems} plain values");
            case YamlMappingNode map when depth == 0 && map.Children.Count <= MaxItems:
                var fields = new Dictionary<string, StudentAnswer>(StringComparer.Ordinal);
                foreach (var (k, v) in map.Children)
                {
                    if (k is YamlScalarNode { Value: { } name } && !fields.ContainsKey(name))
                    {
                        var (inner, problem) = Read(v, depth + 1);
                        if (problem is not null)
                        {
                            return (new StudentAnswer(line, null), problem);
                        }

                        fields[name] = inner;
                    }
                }

                return (new StudentAnswer(line, null, null, fields), null);
            default:
                return (new StudentAnswer(line, null), "nested mappings are not accepted here");
        }
    }
}

/// <summary>An entry of answers.yaml the YAML parser could not read: the line where it stopped, and why.</summary>
public sealed record UnreadableAnswer(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}
