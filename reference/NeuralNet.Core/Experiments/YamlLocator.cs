using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NeuralNet.Experiments;

/// <summary>Maps between positions in a YAML document and dotted paths such as <c>training.batch_size</c> or <c>test_sets[1]</c>.</summary>
internal sealed class YamlLocator
{
    private readonly YamlNode? _root;

    public YamlLocator(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            _root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        }
        catch (YamlException)
        {
            _root = null;
        }
    }

    /// <summary>The path of the innermost node (or mapping key) at or before <paramref name="mark"/>; "" for the root.</summary>
    /// <remarks>YamlDotNet gives block mappings End == Start, so nodes are located by their start positions only.</remarks>
    public string PathAt(Mark mark)
    {
        var path = "";
        var node = _root;
        while (node is not null)
        {
            YamlNode? next = null;
            if (node is YamlMappingNode mapping)
            {
                var last = mapping.Children.LastOrDefault(kv => StartsAtOrBefore(kv.Key, mark));
                if (last.Key is not null)
                {
                    path = Join(path, (last.Key as YamlScalarNode)?.Value ?? "?");
                    if (last.Key.Start.Line == mark.Line && last.Key.Start.Column == mark.Column)
                    {
                        return path;
                    }

                    next = last.Value;
                }
            }
            else if (node is YamlSequenceNode sequence)
            {
                var index = sequence.Children.Count(child => StartsAtOrBefore(child, mark)) - 1;
                if (index >= 0)
                {
                    path = $"{path}[{index}]";
                    next = sequence.Children[index];
                }
            }

            node = next;
        }

        return path;
    }

    /// <summary>The 1-based line of the node at a dotted path (its value, or for a missing key its parent); null if the document is empty.</summary>
    public int? LineOf(string path) => NodeAt(path) is { } node ? (int)node.Start.Line : null;

    /// <summary>The scalar text at a dotted path, or null when the path does not end at a scalar.</summary>
    public string? ScalarAt(string path) => NodeAt(path) is YamlScalarNode { } scalar && path.Length > 0 ? scalar.Value : null;

    private YamlNode? NodeAt(string path)
    {
        var node = _root;
        if (node is null)
        {
            return null;
        }

        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, index) = ParseSegment(segment);
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(name), out var child))
            {
                break;
            }

            node = child;
            if (index is { } i)
            {
                if (node is not YamlSequenceNode sequence || i >= sequence.Children.Count)
                {
                    break;
                }

                node = sequence.Children[i];
            }
        }

        return node;
    }

    private static (string Name, int? Index) ParseSegment(string segment)
    {
        var open = segment.IndexOf('[', StringComparison.Ordinal);
        return open < 0 ? (segment, null) : (segment[..open], int.Parse(segment[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static bool StartsAtOrBefore(YamlNode node, Mark mark) =>
        node.Start.Line < mark.Line || (node.Start.Line == mark.Line && node.Start.Column <= mark.Column);

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
