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

    private AnswerSheet(IReadOnlyDictionary<string, StudentAnswer> answers, IReadOnlyList<string> problems)
    {
        Answers = answers;
        Problems = problems;
    }

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

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            return Empty($"{FileName}({ex.Start.Line},{ex.Start.Column}): not valid YAML: {ex.InnerException?.Message ?? ex.Message}");
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

        return new AnswerSheet(answers, problems);
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
