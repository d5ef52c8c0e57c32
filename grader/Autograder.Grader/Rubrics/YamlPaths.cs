using YamlDotNet.RepresentationModel;

namespace Autograder.Grader.Rubrics;

/// <summary>Maps between YAML paths (<c>items[2].checks[0].cases</c>) and line numbers, for error messages.</summary>
internal sealed class YamlPaths
{
    private readonly List<(string Path, int Line, int Column, int EndLine, int EndColumn)> _nodes = [];

    public YamlPaths(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return;
        }

        if (stream.Documents.Count > 0)
        {
            Walk(stream.Documents[0].RootNode, "");
        }
    }

    /// <summary>The 1-based line of the node at <paramref name="path"/>, or of its nearest existing ancestor.</summary>
    public int LineOf(string path)
    {
        for (var p = path; ; p = Parent(p))
        {
            var hit = _nodes.FirstOrDefault(n => n.Path == p);
            if (hit.Path is not null)
            {
                return hit.Line;
            }

            if (p.Length == 0)
            {
                return 1;
            }
        }
    }

    /// <summary>The deepest path whose node spans the 1-based position.</summary>
    public string PathAt(long line, long column) =>
        _nodes
            .Where(n => (n.Line < line || (n.Line == line && n.Column <= column)) && (n.EndLine > line || (n.EndLine == line && n.EndColumn >= column)))
            .OrderByDescending(n => n.Path.Length)
            .Select(n => n.Path)
            .FirstOrDefault() ?? "";

    private void Walk(YamlNode node, string path)
    {
        _nodes.Add((path, (int)node.Start.Line, (int)node.Start.Column, (int)node.End.Line, (int)node.End.Column));
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? "?";
                    _nodes.Add((Join(path, name), (int)key.Start.Line, (int)key.Start.Column, (int)value.End.Line, (int)value.End.Column));
                    Walk(value, Join(path, name));
                }

                break;
            case YamlSequenceNode seq:
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    Walk(seq.Children[i], $"{path}[{i}]");
                }

                break;
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
