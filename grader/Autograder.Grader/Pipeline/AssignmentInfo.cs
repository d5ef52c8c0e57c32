using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Autograder.Grader.Pipeline;

/// <summary>
/// The part of an assignment profile (<c>rubrics/&lt;id&gt;.assignment.yaml</c>) the grader needs:
/// the parts it assigns and the files students submit (relative to reference/NeuralNet).
/// A minimal reader until the release helper's AssignmentProfile is on main.
/// </summary>
public sealed record AssignmentInfo
{
    public string Id { get; init; } = "";

    public string Title { get; init; } = "";

    public List<string> Parts { get; init; } = [];

    public List<string> Files { get; init; } = [];

    public static AssignmentInfo Load(string courseRoot, string id)
    {
        var path = Path.Combine(courseRoot, "rubrics", $"{id}.assignment.yaml");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"assignment '{id}' has no profile at {path}");
        }

        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build();
        return deserializer.Deserialize<AssignmentInfo>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty");
    }
}
