using Autograder.Grader.Assignments;
using Autograder.Grader.Release.Fixtures;

namespace Autograder.Grader.Release;

/// <summary>Release entry points shared by the CLI and the tests: load the profiles, build, write or compare a kit.</summary>
public sealed class KitRelease
{
    private readonly KitBuilder builder;

    public KitRelease(RepositoryLayout layout, IEnumerable<IFixtureSource>? fixtures = null)
    {
        Layout = layout;
        // Written assignments have no library parts; their kits are generated from the question bank (Written/Kit).
        Profiles = Directory.Exists(layout.Rubrics) ? [.. AssignmentProfile.LoadAll(layout.Rubrics).Where(p => p.Kind != AssignmentProfile.WrittenKind)] : [];
        builder = new KitBuilder(layout, fixtures ?? FixtureSources.All);
    }

    public RepositoryLayout Layout { get; }

    public IReadOnlyList<AssignmentProfile> Profiles { get; }

    /// <summary>The profiles release builds kits for (kind "code"); a written assignment's kit comes from its question bank.</summary>
    public IReadOnlyList<AssignmentProfile> CodeProfiles => Profiles.Where(p => p.Kind == AssignmentProfile.CodeKind).ToList();

    /// <summary>
    /// Every part some profile assigns or checks, or that has a kit test template
    /// (grader/KitTemplate/checks/&lt;part&gt;.cs), or that checks/unchecked-parts.txt lists: a marker
    /// naming any other part is a typo.
    /// </summary>
    public IReadOnlySet<string> KnownParts
    {
        get
        {
            var checks = Path.Combine(Layout.KitTemplate, "checks");
            var templates = Directory.Exists(checks)
                ? Directory.EnumerateFiles(checks, "*.cs").Select(f => Path.GetFileNameWithoutExtension(f))
                : [];
            var uncheckedList = Path.Combine(checks, "unchecked-parts.txt");
            var listed = File.Exists(uncheckedList)
                ? File.ReadAllLines(uncheckedList).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
                : [];
            return Profiles.SelectMany(p => p.Parts.Concat(p.PublicChecks.Select(c => c.Part))).Concat(templates).Concat(listed).ToHashSet(StringComparer.Ordinal);
        }
    }

    /// <summary>Each part some code assignment assigns, with the ids of the assignments assigning it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AssignedBy =>
        CodeProfiles.SelectMany(p => p.Parts.Select(part => (Part: part, p.Id)))
            .GroupBy(x => x.Part, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(x => x.Id).Distinct().Order(StringComparer.Ordinal)], StringComparer.Ordinal);

    public AssignmentProfile Profile(string id) =>
        Profiles.FirstOrDefault(p => p.Id == id)
        ?? throw new ArgumentException($"no assignment '{id}' in {Layout.Rubrics} (known: {string.Join(", ", Profiles.Select(p => p.Id))})", nameof(id));

    /// <param name="id">the assignment id</param>
    /// <param name="solved">fill the assigned regions from the reference (the kit all checks must pass)</param>
    public KitFiles Build(string id, bool solved = false)
    {
        var profile = Profile(id);
        return profile.Kind == AssignmentProfile.CodeKind
            ? builder.Build(profile, KnownParts, solved, AssignedBy)
            : throw new ArgumentException($"assignment '{id}' is of kind {profile.Kind}: release builds kits of code assignments only", nameof(id));
    }

    /// <summary>The committed kit folder of an assignment.</summary>
    public string SkeletonOf(string id) => Path.Combine(Layout.Skeleton, id);
}
