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

    /// <summary>The path of the innermost node (or mapping key) that contains <paramref name="mark"/>; "" for the root.</summary>
    public string PathAt(Mark mark)
    {
        var path = "";
        var node = _root;
        while (node is not null)
        {
            YamlNode? next = null;
            if (node is YamlMappingNode mapping)
            {
                foreach (var (key, value) in mapping.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? "?";
                    if (Contains(key, mark))
                    {
                        return Join(path, name);
                    }

                    if (Contains(value, mark))
                    {
                        path = Join(path, name);
                        next = value;
                        break;
                    }
                }
            }
            else if (node is YamlSequenceNode sequence)
            {
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    if (Contains(sequence.Children[i], mark))
                    {
                        path = $"{path}[{i}]";
                        next = sequence.Children[i];
                        break;
                    }
                }
            }

            node = next;
        }

        return path;
    }

    /// <summary>The 1-based line of the node at a dotted path (its value, or for a missing key its parent); null if the document is empty.</summary>
    public int? LineOf(string path)
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

        return (int)node.Start.Line;
    }

    private static (string Name, int? Index) ParseSegment(string segment)
    {
        var open = segment.IndexOf('[', StringComparison.Ordinal);
        return open < 0 ? (segment, null) : (segment[..open], int.Parse(segment[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static bool Contains(YamlNode node, Mark mark)
    {
        var afterStart = node.Start.Line < mark.Line || (node.Start.Line == mark.Line && node.Start.Column <= mark.Column);
        var beforeEnd = node.End.Line > mark.Line || (node.End.Line == mark.Line && node.End.Column > mark.Column);
        return afterStart && beforeEnd;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
