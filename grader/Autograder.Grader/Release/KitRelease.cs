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
        // Written assignments (answers only) get their kit from the question bank, not from the library.
        Profiles = Directory.Exists(layout.Rubrics) ? [.. AssignmentProfile.LoadAll(layout.Rubrics).Where(p => p.Kind == AssignmentProfile.LibraryKind)] : [];
        builder = new KitBuilder(layout, fixtures ?? FixtureSources.All);
    }

    public RepositoryLayout Layout { get; }

    public IReadOnlyList<AssignmentProfile> Profiles { get; }

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

    public AssignmentProfile Profile(string id) =>
        Profiles.FirstOrDefault(p => p.Id == id)
        ?? throw new ArgumentException($"no assignment '{id}' in {Layout.Rubrics} (known: {string.Join(", ", Profiles.Select(p => p.Id))})", nameof(id));

    /// <param name="id">the assignment id</param>
    /// <param name="solved">fill the assigned regions from the reference (the kit all checks must pass)</param>
    public KitFiles Build(string id, bool solved = false) => builder.Build(Profile(id), KnownParts, solved);

    /// <summary>The committed kit folder of an assignment.</summary>
    public string SkeletonOf(string id) => Path.Combine(Layout.Skeleton, id);
}
