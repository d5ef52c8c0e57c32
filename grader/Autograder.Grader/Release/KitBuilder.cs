using Autograder.Grader.Assignments;
using Autograder.Grader.Release.Fixtures;

namespace Autograder.Grader.Release;

/// <summary>
/// Builds an assignment's starter kit in memory from the reference library, the kit templates,
/// the profile's data and experiments: the work behind <c>autograder release</c>.
/// </summary>
public sealed class KitBuilder
{
    private readonly RepositoryLayout layout;
    private readonly IReadOnlyDictionary<string, IFixtureSource> fixtures;

    /// <param name="layout">where the reference, templates, data and profiles are</param>
    /// <param name="fixtures">fixture sources by part; a check without one reads no fixture</param>
    public KitBuilder(RepositoryLayout layout, IEnumerable<IFixtureSource> fixtures)
    {
        this.layout = layout;
        this.fixtures = fixtures.ToDictionary(f => f.Part, StringComparer.Ordinal);
    }

    /// <summary>Builds one kit.</summary>
    /// <param name="profile">the assignment</param>
    /// <param name="knownParts">every part any profile assigns; markers of other parts are errors (null: no check)</param>
    /// <param name="solved">keep the reference solution in the assigned regions too: the kit every check must pass</param>
    /// <param name="assignedBy">part id to the ids of the assignments that assign it (every profile of the course): a region of a part
    /// another assignment assigns is withheld from this kit unless the profile's <c>needs</c> lists it</param>
    public KitFiles Build(AssignmentProfile profile, IReadOnlySet<string>? knownParts = null, bool solved = false, IReadOnlyDictionary<string, IReadOnlyList<string>>? assignedBy = null)
    {
        var library = ReferenceLibrary.Scan(layout.ReferenceLibrary, knownParts);
        var sources = Sources(profile, library);
        Validate(profile, library, sources);

        var kit = new KitFiles();
        var assigned = profile.Parts.ToHashSet(StringComparer.Ordinal);
        var withheld = Withheld(profile, assignedBy);
        AddLibrary(kit, library, sources, solved ? new HashSet<string>() : assigned, withheld);
        KitCore.Add(kit);
        var rubric = Rubric(profile);
        var checks = AddChecks(kit, profile, assigned, rubric);
        AddData(kit, profile);
        AddExperiments(kit, profile);
        AddPrograms(kit, profile);
        var logs = GradedLogs(profile, rubric);
        KitTemplates.AddStaticFiles(kit, layout, profile, library, checks, logs, rubric);
        kit.AddText(KitManifest.FileName, new KitManifest(profile.Id, profile.Title, KitLayout.Library, profile.Files, profile.Submission, checks, logs).ToJson());
        KitPackages.Add(kit, layout);
        return kit;
    }

    /// <summary>The assignment's rubric, read once per kit (null for a course folder without one, e.g. release tests).</summary>
    private Rubrics.Rubric? Rubric(AssignmentProfile profile)
    {
        var rubricPath = Path.Combine(layout.Rubrics, profile.Id + ".rubric.yaml");
        return File.Exists(rubricPath) ? Rubrics.RubricLoader.Load(rubricPath) : null;
    }

    /// <summary>
    /// The logs the rubric grades (its <c>logs</c>), each with the kit command that writes it: the profile's
    /// experiment of the same name. A graded log no experiment produces is an error (students could not make it).
    /// </summary>
    private static List<KitLog> GradedLogs(AssignmentProfile profile, Rubrics.Rubric? rubric)
    {
        var logs = new List<KitLog>();
        if (rubric is null)
        {
            return logs;
        }

        var checks = rubric.Items.Where(i => !i.Manual).SelectMany(i => i.Checks).ToList();
        // A file only bonus items grade is optional for pack.
        bool BonusOnly(string file)
        {
            var grading = rubric.Items.Where(i => !i.Manual && i.Checks.Any(c => c.File == file || (c.Plot?.Logs.Contains(file) ?? false))).ToList();
            return grading.Count > 0 && grading.All(i => i.Bonus);
        }

        foreach (var file in rubric.Logs)
        {
            if (Intake.SubmissionIntake.IsImage(file))
            {
                // A graded plot: drawn by the kit's plot command from the graded logs its check names.
                var plot = checks.FirstOrDefault(c => c.Kind == "plot" && c.File == file && c.Plot is not null)?.Plot
                    ?? throw profile.ErrorAt("experiments", $"the rubric grades the plot {file}, but no plot check names it, so the kit cannot say how to draw it");
                logs.Add(new KitLog(file, $"{KitLayout.Runs}/{file}", plot.KitCommand(file), Bonus: BonusOnly(file)));
                continue;
            }

            var name = Path.GetFileNameWithoutExtension(file);
            // A sweep's experiment is named with {value} (MLP_lr0.01_b{value}); its runs fill it in with a value (no underscore).
            var experiment = profile.Experiments.FirstOrDefault(e => e.Name == name)
                ?? profile.Experiments.FirstOrDefault(e => e.Name.Contains("{value}", StringComparison.Ordinal)
                    && System.Text.RegularExpressions.Regex.IsMatch(name, "^" + System.Text.RegularExpressions.Regex.Escape(e.Name).Replace("\\{value}", "[^_]+", StringComparison.Ordinal) + "$"))
                ?? throw profile.ErrorAt("experiments",
                    $"the rubric grades the log {file}, but no experiment is named {name} (experiments: {string.Join(", ", profile.Experiments.Select(e => e.Name))}); students could not produce it");
            var replay = checks.FirstOrDefault(c => c.Kind == "training-log" && c.File == file && c.Replay is not null);
            logs.Add(new KitLog(file, $"{KitLayout.Runs}/{file}", $"dotnet run --project {KitLayout.Tools}/Run -- train experiments/{Path.GetFileName(experiment.Config)}",
                replay is null ? null : replay.TimeoutSeconds ?? Rubrics.ReplaySpec.DefaultTimeoutSeconds, BonusOnly(file)));
        }

        return logs;
    }

    /// <summary>The library sources the kit ships: those of the profile's modules and the modules they use.</summary>
    private static HashSet<string> Sources(AssignmentProfile profile, ReferenceLibrary library)
    {
        CourseModules modules;
        try
        {
            modules = CourseModules.Load(library.Root);
            return modules.SourcesOf(profile.Modules).ToHashSet(StringComparer.Ordinal);
        }
        catch (ArgumentException e)
        {
            throw profile.ErrorAt("modules", e.Message);
        }
    }

    /// <summary>Parts other assignments assign that this one neither assigns nor needs, with those assignments' ids.</summary>
    private static Dictionary<string, string> Withheld(AssignmentProfile profile, IReadOnlyDictionary<string, IReadOnlyList<string>>? assignedBy)
    {
        var withheld = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (part, owners) in assignedBy ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            var others = owners.Where(o => o != profile.Id).ToList();
            if (others.Count > 0 && !profile.Parts.Contains(part) && !profile.Needs.Contains(part))
            {
                withheld[part] = string.Join(" and ", others);
            }
        }

        return withheld;
    }

    private static void Validate(AssignmentProfile profile, ReferenceLibrary library, IReadOnlySet<string> sources)
    {
        for (var i = 0; i < profile.Parts.Count; i++)
        {
            if (library.RegionsOf(profile.Parts[i]).Count == 0)
            {
                throw profile.ErrorAt($"parts[{i}]",
                    $"no '// BEGIN SOLUTION {profile.Parts[i]}' region in reference/NeuralNet (parts with regions: {string.Join(", ", library.Parts.Order(StringComparer.Ordinal))})");
            }
        }

        for (var i = 0; i < profile.Files.Count; i++)
        {
            if (!library.Files.Contains(profile.Files[i]))
            {
                throw profile.ErrorAt($"files[{i}]", $"no file reference/NeuralNet/{profile.Files[i]}");
            }

            if (!sources.Contains(profile.Files[i]))
            {
                throw profile.ErrorAt($"files[{i}]", $"reference/NeuralNet/{profile.Files[i]} is in none of the modules the kit ships ({string.Join(", ", profile.Modules)} and the modules they use); add its module to modules");
            }
        }

        foreach (var region in profile.Parts.SelectMany(library.RegionsOf))
        {
            if (!profile.Files.Contains(region.File))
            {
                throw profile.ErrorAt("files",
                    $"part {region.Part} has a region in {region.File} (line {region.BeginLine}), which is not in files; students could not submit their work on it");
            }
        }
    }

    private static void AddLibrary(KitFiles kit, ReferenceLibrary library, IReadOnlySet<string> sources, IReadOnlySet<string> assigned, IReadOnlyDictionary<string, string> withheld)
    {
        foreach (var file in library.Files.Where(f => sources.Contains(f) || f.EndsWith(".csproj", StringComparison.Ordinal)))
        {
            var source = Path.Combine(library.Root, file);
            var target = $"{KitLayout.Library}/{file}";
            if (file.EndsWith(".csproj", StringComparison.Ordinal))
            {
                kit.AddText(target, KitProjects.LibraryProject(File.ReadAllText(source)));
            }
            else if (library.Regions.TryGetValue(file, out var regions))
            {
                var original = File.ReadAllText(source);
                var released = RegionReplacer.Apply(original, regions, assigned, withheld);
                StubPlacementChecker.Check(original, released, regions.Where(r => assigned.Contains(r.Part)).ToList());
                kit.AddText(target, released);
            }
            else
            {
                kit.Add(target, File.ReadAllBytes(source));
            }
        }
    }

    private List<KitCheck> AddChecks(KitFiles kit, AssignmentProfile profile, IReadOnlySet<string> assigned, Rubrics.Rubric? rubric)
    {
        var bonusItems = rubric?.Items.Where(i => i.Bonus).ToDictionary(i => i.Id, i => i.Points, StringComparer.Ordinal) ?? [];
        var checks = new List<KitCheck>();
        for (var i = 0; i < profile.PublicChecks.Count; i++)
        {
            var check = profile.PublicChecks[i];
            var template = Path.Combine(layout.KitTemplate, "checks", check.TemplateName + ".cs");
            if (!File.Exists(template))
            {
                throw profile.ErrorAt($"public_checks[{i}].part",
                    $"no kit test template grader/KitTemplate/checks/{check.TemplateName}.cs for this check");
            }

            var className = KitLayout.CheckClass(check.TemplateName);
            var code = File.ReadAllText(template)
                .Replace("{{CLASS}}", className, StringComparison.Ordinal)
                .Replace("{{ITEM}}", check.Item, StringComparison.Ordinal)
                .Replace("{{POINTS}}", check.Points.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{{PART}}", check.Part, StringComparison.Ordinal);
            kit.AddText($"{KitLayout.Tests}/Checks/{className}.cs", code);
            if (check.Template is null && fixtures.TryGetValue(check.Part, out var source))
            {
                kit.AddText($"{KitLayout.Tests}/Fixtures/{check.Part}.json", source.Create().ToJson());
            }

            var bonus = bonusItems.TryGetValue(check.Item, out var itemPoints);
            var sharing = profile.PublicChecks.Count(c => c.Item == check.Item);
            checks.Add(new KitCheck($"{KitLayout.ChecksNamespace}.{className}", check.Part, check.Item, check.Points, assigned.Contains(check.Part))
            {
                Bonus = bonus,
                BonusPoints = bonus ? Math.Round(itemPoints / sharing, 2) : 0,
            });
        }

        return checks;
    }

    private void AddData(KitFiles kit, AssignmentProfile profile)
    {
        for (var i = 0; i < profile.Data.Count; i++)
        {
            var folder = Path.Combine(layout.Data, profile.Data[i]);
            if (!Directory.Exists(folder))
            {
                throw profile.ErrorAt($"data[{i}]", $"no data set folder data/{profile.Data[i]}/");
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(layout.Data, file).Replace('\\', '/');
                kit.Add($"data/{relative}", File.ReadAllBytes(file));
            }
        }

        // The course library checks every data file against data/checksums.sha256: ship the lines of the copied files.
        var checksums = Path.Combine(layout.Data, "checksums.sha256");
        if (profile.Data.Count > 0 && File.Exists(checksums))
        {
            var lines = File.ReadAllLines(checksums)
                .Where(l => profile.Data.Any(d => l.Contains("  " + d + "/", StringComparison.Ordinal)));
            kit.AddText("data/checksums.sha256", string.Join("\n", lines) + "\n");
        }
    }

    private void AddExperiments(KitFiles kit, AssignmentProfile profile)
    {
        for (var i = 0; i < profile.Experiments.Count; i++)
        {
            var config = Path.Combine(layout.Root, profile.Experiments[i].Config);
            if (!File.Exists(config))
            {
                throw profile.ErrorAt($"experiments[{i}].config", $"no experiment config {profile.Experiments[i].Config}");
            }

            kit.AddText($"experiments/{Path.GetFileName(config)}", File.ReadAllText(config));
        }
    }

    // A provided program (HW5's neuralnet) goes to tools/<folder>/ with its project's paths to the
    // library rewritten for the kit's layout (tools/<folder>/ is one level deeper than reference/<folder>/).
    private void AddPrograms(KitFiles kit, AssignmentProfile profile)
    {
        for (var i = 0; i < profile.Programs.Count; i++)
        {
            var folder = Path.Combine(layout.Root, profile.Programs[i].Path);
            var projects = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.csproj") : [];
            if (projects.Length != 1)
            {
                throw profile.ErrorAt($"programs[{i}].path",
                    Directory.Exists(folder)
                        ? $"expected one .csproj in {profile.Programs[i].Path}, found {projects.Length}"
                        : $"no project folder {profile.Programs[i].Path}");
            }

            var name = Path.GetFileName(folder);
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
                if (RepositoryLayout.IsBuildOutput(relative))
                {
                    continue;
                }

                if (relative.EndsWith(".csproj", StringComparison.Ordinal))
                {
                    kit.AddText($"{KitLayout.Tools}/{name}/{relative}", KitProjects.ProgramProject(File.ReadAllText(file)));
                }
                else if (relative.EndsWith(".cs", StringComparison.Ordinal))
                {
                    kit.Add($"{KitLayout.Tools}/{name}/{relative}", File.ReadAllBytes(file));
                }
            }
        }
    }
}
