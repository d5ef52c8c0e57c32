using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Autograder.Grader.Assignments;

/// <summary>
/// Reads typed values out of a YAML mapping while tracking the YAML path, so every error names the
/// file, the path (e.g. <c>experiments[1].config</c>) and the line.
/// </summary>
internal sealed class YamlNodeReader
{
    private readonly string file;

    private YamlNodeReader(string file, string path, YamlMappingNode node)
    {
        this.file = file;
        Path = path;
        Node = node;
    }

    public string Path { get; }

    public YamlMappingNode Node { get; }

    public static YamlNodeReader Root(string yaml, string file)
    {
        if (NeuralNet.Experiments.YamlGuard.Problem(yaml) is { } guard)
        {
            throw new AssignmentProfileException(file, guard.Path, (int)guard.Line, guard.Message);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new AssignmentProfileException(file, "", (int)e.Start.Line, $"not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet reports some scanner failures without a position.
            throw new AssignmentProfileException(file, "", 1, $"not valid YAML: {e.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new AssignmentProfileException(file, "", 1, "expected a YAML mapping with id, title, parts, files, data, experiments and public_checks");
        }

        return new YamlNodeReader(file, "", root);
    }

    public AssignmentProfileException Error(YamlNode node, string path, string problem) =>
        new(file, path, (int)node.Start.Line, problem);

    public void RejectUnknownKeys(params string[] known)
    {
        foreach (var key in Node.Children.Keys)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (!known.Contains(name))
            {
                throw Error(key, Child(name), $"unknown key '{name}'; expected one of: {string.Join(", ", known)}");
            }
        }
    }

    public string RequiredString(string key)
    {
        var node = Required(key);
        return node is YamlScalarNode { Value: { Length: > 0 } value }
            ? value
            : throw Error(node, Child(key), "expected a non-empty string");
    }

    public string OptionalString(string key, string fallback) =>
        Node.Children.ContainsKey(key) ? RequiredString(key) : fallback;

    /// <summary>Largest number a profile holds (points); 1e999 parses as infinity and must not get through.</summary>
    public const double MaxNumber = 1e6;

    public double RequiredNumber(string key)
    {
        var node = Required(key);
        return node is YamlScalarNode { Value: { } text }
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value >= 0 && value <= MaxNumber
            ? value
            : throw Error(node, Child(key), $"expected a non-negative number up to {MaxNumber:N0}, found '{(node as YamlScalarNode)?.Value}'");
    }

    public IReadOnlyList<(string Value, YamlNode Node, string Path)> StringList(string key, bool required)
    {
        if (!Node.Children.TryGetValue(key, out var node))
        {
            return required ? throw Error(Node, Child(key), "missing required key") : [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw Error(node, Child(key), "expected a list, e.g. [a, b]");
        }

        return sequence.Children.Select((item, i) => item is YamlScalarNode { Value: { Length: > 0 } value }
                ? (value, item, $"{Child(key)}[{i}]")
                : throw Error(item, $"{Child(key)}[{i}]", "expected a non-empty string"))
            .ToList();
    }

    public IReadOnlyList<YamlNodeReader> MappingList(string key)
    {
        if (!Node.Children.TryGetValue(key, out var node))
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw Error(node, Child(key), "expected a list of mappings");
        }

        return sequence.Children.Select((item, i) => item is YamlMappingNode mapping
                ? new YamlNodeReader(file, $"{Child(key)}[{i}]", mapping)
                : throw Error(item, $"{Child(key)}[{i}]", "expected a mapping"))
            .ToList();
    }

    public YamlNode NodeOf(string key) => Node.Children.TryGetValue(key, out var node) ? node : Node;

    /// <summary>The line of every YAML path under this node, e.g. <c>parts[2]</c> or <c>public_checks[0].points</c>.</summary>
    public Dictionary<string, int> IndexLines()
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        Index(Node, Path, lines);
        return lines;
    }

    private static void Index(YamlNode node, string path, Dictionary<string, int> lines)
    {
        lines[path] = (int)node.Start.Line;
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? "";
                    Index(value, path.Length == 0 ? name : $"{path}.{name}", lines);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Index(sequence.Children[i], $"{path}[{i}]", lines);
                }

                break;
        }
    }

    public string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    private YamlNode Required(string key) =>
        Node.Children.TryGetValue(key, out var node) ? node : throw Error(Node, Child(key), "missing required key");
}
