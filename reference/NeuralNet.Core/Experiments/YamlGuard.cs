using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NeuralNet.Experiments;

/// <summary>
/// A cheap first pass over a YAML text before it is loaded. The YAML parser is a state machine, but
/// building nodes or objects from its events recurses once per nesting level and resolves every
/// alias, so a deeply nested document can overflow the stack (which kills the process, uncatchably)
/// and an alias bomb ("billion laughs": nine anchors, each aliased ten times by the next) expands to
/// billions of nodes. Every YAML loader of the course (rubrics, assignment profiles, experiments)
/// calls this first and reports its problem with the file name.
/// </summary>
public static class YamlGuard
{
    /// <summary>Deepest nesting of mappings and sequences accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most nodes accepted after expanding every alias (the course's largest file has a few hundred).</summary>
    public const long MaxExpandedNodes = 100_000;

    /// <summary>Longest text accepted, in characters.</summary>
    public const int MaxCharacters = 4_000_000;

    /// <summary>What is wrong with <paramref name="text"/> as a configuration file, or null when it is within the limits.</summary>
    /// <returns>the 1-based line of the offending node, its YAML path (e.g. <c>items[2].checks</c>) and a message; syntax errors are left to the real loader</returns>
    public static (long Line, string Path, string Message)? Problem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxCharacters)
        {
            return (1, "", $"the file has {text.Length:N0} characters; at most {MaxCharacters:N0} are accepted");
        }

        var parser = new Parser(new StringReader(text));
        var open = new List<Frame>();
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);
        long expanded = 0;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                switch (e)
                {
                    case MappingStart or SequenceStart:
                        if (open.Count >= MaxDepth)
                        {
                            return (e.Start.Line, PathOf(open), $"mappings and sequences are nested more than {MaxDepth} levels deep");
                        }

                        open.Add(new Frame(e is MappingStart, ((NodeEvent)e).Anchor.IsEmpty ? null : ((NodeEvent)e).Anchor.Value));
                        expanded++;
                        continue;
                    case MappingEnd or SequenceEnd:
                        var done = open[^1];
                        open.RemoveAt(open.Count - 1);
                        if (done.Anchor is not null)
                        {
                            anchors[done.Anchor] = done.Size;
                        }

                        Completed(open, done.Size, key: null);
                        break;
                    case Scalar scalar:
                        if (!scalar.Anchor.IsEmpty)
                        {
                            anchors[scalar.Anchor.Value] = 1;
                        }

                        expanded++;
                        Completed(open, 1, scalar.Value);
                        break;
                    case AnchorAlias alias:
                        var size = anchors.TryGetValue(alias.Value.Value, out var aliased) ? aliased : 1;
                        expanded += size;
                        Completed(open, size, key: null);
                        if (expanded > MaxExpandedNodes)
                        {
                            return (e.Start.Line, PathOf(open), $"the document expands to more than {MaxExpandedNodes:N0} nodes once its aliases (*{alias.Value.Value}) are resolved (an alias bomb?)");
                        }

                        break;
                }

                if (expanded > MaxExpandedNodes)
                {
                    return (e.Start.Line, PathOf(open), $"the document has more than {MaxExpandedNodes:N0} nodes");
                }
            }
        }
        catch (YamlException)
        {
            return null;
        }

        return null;
    }

    /// <summary>A node of <paramref name="size"/> expanded nodes finished inside the innermost open collection.</summary>
    private static void Completed(List<Frame> open, long size, string? key)
    {
        if (open.Count == 0)
        {
            return;
        }

        var parent = open[^1];
        parent.Size += size;
        if (parent.IsMapping && parent.ExpectKey)
        {
            parent.Key = key ?? "?";
            parent.ExpectKey = false;
        }
        else
        {
            parent.ExpectKey = true;
            parent.Index++;
        }
    }

    private static string PathOf(List<Frame> open)
    {
        var path = new StringBuilder();
        foreach (var frame in open)
        {
            if (frame.IsMapping && !frame.ExpectKey)
            {
                path.Append(path.Length == 0 ? "" : ".").Append(frame.Key);
            }
            else if (!frame.IsMapping)
            {
                path.Append('[').Append(frame.Index).Append(']');
            }
        }

        return path.ToString();
    }

    /// <summary>An open mapping or sequence: its expanded size so far and where the parser is inside it.</summary>
    private sealed class Frame(bool isMapping, string? anchor)
    {
        public bool IsMapping { get; } = isMapping;

        public string? Anchor { get; } = anchor;

        public long Size { get; set; } = 1;

        public bool ExpectKey { get; set; } = true;

        public string Key { get; set; } = "";

        public int Index { get; set; }
    }
}
