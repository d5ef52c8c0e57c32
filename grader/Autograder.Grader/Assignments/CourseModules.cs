namespace Autograder.Grader.Assignments;

/// <summary>One module of the course library: a set of sources and the modules they use.</summary>
/// <param name="Name">the module's name, e.g. <c>hw3</c></param>
/// <param name="Description">what it holds, one line</param>
/// <param name="Paths">its sources: files, or folders ending in '/' (everything under them), relative to reference/NeuralNet</param>
/// <param name="Uses">the modules its sources use</param>
public sealed record CourseModule(string Name, string Description, IReadOnlyList<string> Paths, IReadOnlyList<string> Uses)
{
    /// <summary>True when <paramref name="file"/> (relative, '/' separators) is one of this module's sources.</summary>
    public bool Holds(string file) =>
        Paths.Any(p => p == "./" || (p.EndsWith('/') ? file.StartsWith(p, StringComparison.Ordinal) : file == p));
}

/// <summary>
/// The modules of the course library (<c>reference/NeuralNet/modules.yaml</c>): every C# source belongs to exactly one,
/// and a kit ships NeuralNet.Core (compiled) plus the sources of the modules its assignment names and of every module
/// those use. A course without the file has one module holding every source.
/// </summary>
public sealed class CourseModules
{
    /// <summary>The manifest's file name, in the library folder.</summary>
    public const string FileName = "modules.yaml";

    private readonly Dictionary<string, CourseModule> _modules;

    private CourseModules(IReadOnlyList<CourseModule> modules, IReadOnlyList<string> sources)
    {
        All = modules;
        _modules = modules.ToDictionary(m => m.Name, StringComparer.Ordinal);
        Sources = sources;
    }

    /// <summary>The modules, in file order.</summary>
    public IReadOnlyList<CourseModule> All { get; }

    /// <summary>Every C# source of the library, relative, ordered.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Reads <c>modules.yaml</c> of the library at <paramref name="libraryRoot"/> and checks that every source has exactly one module.</summary>
    /// <param name="libraryRoot">reference/NeuralNet</param>
    /// <param name="sources">the library's C# sources relative to <paramref name="libraryRoot"/>, when the caller has listed them
    /// already; null lists them here (build output excluded)</param>
    /// <returns>the modules</returns>
    /// <exception cref="AssignmentProfileException">the manifest is malformed, names an unknown module, or a source has no module or two</exception>
    public static CourseModules Load(string libraryRoot, IReadOnlyList<string>? sources = null)
    {
        sources ??= Directory.Exists(libraryRoot)
            ? Directory.EnumerateFiles(libraryRoot, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(libraryRoot, f).Replace('\\', '/'))
                .Where(f => !Release.RepositoryLayout.IsBuildOutput(f))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        var path = Path.Combine(libraryRoot, FileName);
        if (!File.Exists(path))
        {
            return new CourseModules([new CourseModule("library", "every source of the course library (no modules.yaml)", ["./"], [])], sources);
        }

        var root = YamlNodeReader.Root(File.ReadAllText(path), path);
        root.RejectUnknownKeys("modules");
        var modules = new List<CourseModule>();
        foreach (var entry in root.MappingList("modules"))
        {
            entry.RejectUnknownKeys("name", "description", "files", "uses");
            var name = entry.RequiredString("name");
            if (modules.Any(m => m.Name == name))
            {
                throw entry.Error(entry.NodeOf("name"), entry.Child("name"), $"module '{name}' is listed twice");
            }

            modules.Add(new CourseModule(name, entry.OptionalString("description", ""),
                [.. entry.StringList("files", required: true).Select(f => f.Value)], [.. entry.StringList("uses", required: false).Select(u => u.Value)]));
        }

        var names = modules.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (module, i) in modules.Select((m, i) => (m, i)))
        {
            if (module.Uses.FirstOrDefault(u => !names.Contains(u)) is { } unknown)
            {
                throw new AssignmentProfileException(path, $"modules[{i}].uses", 1, $"module '{module.Name}' uses '{unknown}', which is not a module (modules: {string.Join(", ", names)})");
            }
        }

        foreach (var file in sources)
        {
            var owners = modules.Where(m => m.Holds(file)).Select(m => m.Name).ToList();
            if (owners.Count != 1)
            {
                throw new AssignmentProfileException(path, "modules", 1, owners.Count == 0
                    ? $"reference/NeuralNet/{file} belongs to no module; add it (or its folder) to one module's files"
                    : $"reference/NeuralNet/{file} belongs to {string.Join(" and ", owners)}; a source belongs to exactly one module");
            }
        }

        return new CourseModules(modules, sources);
    }

    /// <summary>The named modules and every module they use, in manifest order; every module when <paramref name="names"/> is empty.</summary>
    /// <param name="names">module names, e.g. an assignment profile's <c>modules</c></param>
    /// <returns>the closure</returns>
    /// <exception cref="ArgumentException">a name is not a module</exception>
    public IReadOnlyList<CourseModule> Closure(IReadOnlyCollection<string> names)
    {
        if (names.Count == 0)
        {
            return All;
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(names);
        while (pending.TryPop(out var name))
        {
            if (!_modules.TryGetValue(name, out var module))
            {
                throw new ArgumentException($"'{name}' is not a module of reference/NeuralNet/{FileName} (modules: {string.Join(", ", _modules.Keys)})", nameof(names));
            }

            if (taken.Add(name))
            {
                foreach (var used in module.Uses)
                {
                    pending.Push(used);
                }
            }
        }

        return [.. All.Where(m => taken.Contains(m.Name))];
    }

    /// <summary>The sources of <paramref name="names"/>' closure, ordered.</summary>
    /// <param name="names">module names; empty for every source</param>
    /// <returns>relative paths</returns>
    public IReadOnlyList<string> SourcesOf(IReadOnlyCollection<string> names)
    {
        var closure = Closure(names);
        return [.. Sources.Where(f => closure.Any(m => m.Holds(f)))];
    }
}
