using System.Text.RegularExpressions;

namespace Autograder.Grader.Assignments;

/// <summary>
/// An assignment: which parts of the reference library students implement, the files they edit and
/// submit (relative to <c>reference/NeuralNet</c>), the data sets, experiments and public checks.
/// Read from <c>rubrics/&lt;id&gt;.assignment.yaml</c>, beside the assignment's rubric.
/// </summary>
/// <param name="Id">the assignment id, e.g. <c>hw3-fashion-mlp</c>; also the file name stem and the kit folder</param>
/// <param name="Title">the handout's title</param>
/// <param name="Parts">part ids students implement, in the handout's order</param>
/// <param name="Files">files students edit and submit, relative to <c>reference/NeuralNet</c></param>
/// <param name="Data">data set ids under <c>data/</c> the kit ships</param>
/// <param name="Experiments">training runs the handout asks for</param>
/// <param name="PublicChecks">checks shipped as kit tests</param>
/// <param name="Submission">the zip the pack step writes, e.g. <c>hw3-fashion-mlp_submission.zip</c></param>
/// <param name="SourceFile">the YAML file the profile was read from ("" when parsed from text)</param>
public sealed partial record AssignmentProfile(
    string Id,
    string Title,
    IReadOnlyList<string> Parts,
    IReadOnlyList<string> Files,
    IReadOnlyList<string> Data,
    IReadOnlyList<ExperimentSpec> Experiments,
    IReadOnlyList<PublicCheckSpec> PublicChecks,
    string Submission,
    string SourceFile)
{
    /// <summary>The 1-based line of each YAML path (e.g. <c>parts[2]</c>), for errors found after loading.</summary>
    public IReadOnlyDictionary<string, int> Lines { get; init; } = new Dictionary<string, int>();

    /// <summary>An error about this profile at a YAML path, located by the line it was read from.</summary>
    public AssignmentProfileException ErrorAt(string yamlPath, string problem) =>
        new(SourceFile, yamlPath, Lines.TryGetValue(yamlPath, out var line) ? line : 1, problem);

    /// <summary>The default kind: students implement parts of the course library.</summary>
    public const string LibraryKind = "library";

    /// <summary>An assignment of written answers only (no parts, no C# files); its kit is not made by <c>autograder release</c>.</summary>
    public const string WrittenKind = "written";

    /// <summary><see cref="LibraryKind"/> or <see cref="WrittenKind"/> (YAML <c>kind</c>, default library).</summary>
    public string Kind { get; init; } = LibraryKind;

    /// <summary>The file-name suffix of profiles in <c>rubrics/</c>.</summary>
    public const string FileSuffix = ".assignment.yaml";

    /// <summary>Reads a profile file.</summary>
    /// <param name="path">path of a <c>&lt;id&gt;.assignment.yaml</c> file</param>
    public static AssignmentProfile Load(string path)
    {
        var profile = Parse(File.ReadAllText(path), path);
        var expected = System.IO.Path.GetFileName(path);
        if (expected != profile.Id + FileSuffix)
        {
            throw new AssignmentProfileException(path, "id", 1, $"the file must be named {profile.Id}{FileSuffix} after its id");
        }

        return profile;
    }

    /// <summary>Reads every <c>*.assignment.yaml</c> in a folder, ordered by id.</summary>
    public static IReadOnlyList<AssignmentProfile> LoadAll(string rubricsDirectory) =>
        Directory.EnumerateFiles(rubricsDirectory, "*" + FileSuffix)
            .Select(Load)
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>Parses a profile from YAML text.</summary>
    /// <param name="yaml">the profile</param>
    /// <param name="file">the name used in errors</param>
    public static AssignmentProfile Parse(string yaml, string file)
    {
        var root = YamlNodeReader.Root(yaml, file);
        root.RejectUnknownKeys("id", "title", "kind", "parts", "files", "data", "experiments", "public_checks", "submission");
        var kind = root.OptionalString("kind", LibraryKind);
        if (kind is not (LibraryKind or WrittenKind))
        {
            throw root.Error(root.NodeOf("kind"), "kind", $"'{kind}' is not an assignment kind; use {LibraryKind} (the default) or {WrittenKind}");
        }

        var id = root.RequiredString("id");
        if (!IdPattern().IsMatch(id))
        {
            throw root.Error(root.NodeOf("id"), "id", $"'{id}' is not a valid assignment id; use lower-case letters, digits and dashes, e.g. hw3-fashion-mlp");
        }

        // A written assignment (answers.yaml only) assigns no library parts and no C# files.
        var parts = Unique(root, "parts", required: kind == LibraryKind, PartPattern(), "a part id like linear.backward");
        var files = Unique(root, "files", required: kind == LibraryKind, FilePattern(), "a relative path like Layers/Linear.cs");
        var data = Unique(root, "data", required: false, IdPattern(), "a data set id like fashion-mnist");

        var experiments = root.MappingList("experiments").Select(e =>
        {
            e.RejectUnknownKeys("name", "config", "description");
            return new ExperimentSpec(e.RequiredString("name"), e.RequiredString("config"), e.OptionalString("description", ""));
        }).ToList();

        var checks = root.MappingList("public_checks").Select(c =>
        {
            c.RejectUnknownKeys("part", "item", "points");
            var part = c.RequiredString("part");
            if (!PartPattern().IsMatch(part))
            {
                throw c.Error(c.NodeOf("part"), c.Child("part"), $"'{part}' is not a part id like linear.backward");
            }

            return new PublicCheckSpec(part, c.RequiredString("item"), c.RequiredNumber("points"));
        }).ToList();

        return new AssignmentProfile(id, root.RequiredString("title"), parts, files, data, experiments, checks,
            root.OptionalString("submission", id + "_submission.zip"), file)
        {
            Lines = root.IndexLines(),
            Kind = kind,
        };
    }

    private static List<string> Unique(YamlNodeReader root, string key, bool required, Regex pattern, string example)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var values = new List<string>();
        foreach (var (value, node, path) in root.StringList(key, required))
        {
            if (!pattern.IsMatch(value))
            {
                throw root.Error(node, path, $"'{value}' is not {example}");
            }

            if (!seen.Add(value))
            {
                throw root.Error(node, path, $"'{value}' is listed twice");
            }

            values.Add(value);
        }

        if (required && values.Count == 0)
        {
            throw root.Error(root.NodeOf(key), key, "the list is empty");
        }

        return values;
    }

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")]
    private static partial Regex PartPattern();

    // Relative, forward slashes, no "..": the files are copied into and zipped out of the kit.
    [GeneratedRegex(@"^(?!/)(?!.*(^|/)\.\.(/|$))[A-Za-z0-9_./-]+\.cs$")]
    private static partial Regex FilePattern();
}
