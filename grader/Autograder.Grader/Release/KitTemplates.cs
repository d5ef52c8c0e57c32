using System.Globalization;
using System.Text;
using Autograder.Grader.Assignments;

namespace Autograder.Grader.Release;

/// <summary>
/// Copies <c>grader/KitTemplate/files/**</c> into a kit. Files ending in <c>.template</c> lose the
/// suffix and get their <c>{{PLACEHOLDERS}}</c> filled from the profile.
/// </summary>
internal static class KitTemplates
{
    /// <summary>The course's Tensor API page (docs/tensor.md), copied into every code kit's docs/ when the course has it.</summary>
    public const string TensorDoc = "tensor.md";

    public static void AddStaticFiles(KitFiles kit, RepositoryLayout layout, AssignmentProfile profile, ReferenceLibrary library, IReadOnlyList<KitCheck> checks, IReadOnlyList<KitLog> logs, Rubrics.Rubric? rubric = null)
    {
        var root = Path.Combine(layout.KitTemplate, "files");
        var values = Placeholders(profile, library, checks, logs, rubric);
        var tensorDoc = Path.Combine(layout.Root, "docs", TensorDoc);
        values["CORE"] = File.Exists(tensorDoc)
            ? $"`Tensor`, `Rng`, `Module`/`Parameter`, the data loaders and the training loop are NeuralNet.Core, compiled in `lib/` with its\ndocumentation (your editor shows it). `docs/{TensorDoc}` lists the Tensor operations a TODO needs, with shapes and the numpy equivalent."
            : "`Tensor`, `Rng`, `Module`/`Parameter`, the data loaders and the training loop are NeuralNet.Core, compiled in `lib/` with its\ndocumentation (your editor shows it).";
        if (File.Exists(tensorDoc))
        {
            kit.AddText($"docs/{TensorDoc}", File.ReadAllText(tensorDoc));
        }

        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (RepositoryLayout.IsBuildOutput(relative))
            {
                continue;
            }

            if (relative.EndsWith(".template", StringComparison.Ordinal))
            {
                var text = File.ReadAllText(file);
                foreach (var (key, value) in values)
                {
                    text = text.Replace("{{" + key + "}}", value, StringComparison.Ordinal);
                }

                kit.AddText(relative[..^".template".Length], text);
            }
            else
            {
                kit.Add(relative, File.ReadAllBytes(file));
            }
        }

        kit.AddText("global.json", KitGlobalJson(File.ReadAllText(Path.Combine(layout.Root, "global.json"))));

        // The GC settings `autograder train` uses, for the kit's own training runner (tools/Run/Run.csproj imports it).
        kit.Add($"{KitLayout.Tools}/TrainingGc.props", File.ReadAllBytes(Path.Combine(layout.Root, "TrainingGc.props")));
    }

    /// <summary>
    /// The repository's global.json (the SDK) with Microsoft.Testing.Platform as `dotnet test`'s runner: the kit's public
    /// tests are xunit v3 programs, which `dotnet test` runs directly instead of through a VSTest test host.
    /// </summary>
    internal static string KitGlobalJson(string repositoryGlobalJson)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(repositoryGlobalJson) as System.Text.Json.Nodes.JsonObject
            ?? throw new InvalidDataException($"global.json: expected a JSON object, found {repositoryGlobalJson.TrimStart()[..Math.Min(20, repositoryGlobalJson.TrimStart().Length)]}");
        root["test"] = new System.Text.Json.Nodes.JsonObject { ["runner"] = "Microsoft.Testing.Platform" };
        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static Dictionary<string, string> Placeholders(AssignmentProfile profile, ReferenceLibrary library, IReadOnlyList<KitCheck> checks, IReadOnlyList<KitLog> logs, Rubrics.Rubric? rubric) => new()
    {
        ["LIMITS"] = Limits(rubric),
        ["GRADED"] = Graded(profile, logs),
        ["ASSIGNMENT_ID"] = profile.Id,
        ["TITLE"] = profile.Title,
        ["SUBMISSION"] = profile.Submission,
        ["PARTS"] = Parts(profile, library, checks),
        ["FILES"] = string.Join('\n', profile.Files.Select(f => $"- `{KitLayout.Library}/{f}`")),
        ["EXPERIMENTS"] = Experiments(profile),
        ["DATA"] = profile.Data.Count == 0 ? "This assignment uses no data set." : string.Join('\n', profile.Data.Select(d => $"- `data/{d}/`")),
        ["PUBLIC_POINTS"] = Number(checks.Sum(c => c.Points)),
        ["PROGRAM_PROJECTS"] = string.Concat(profile.Programs.Select(p =>
            $"  <Project Path=\"{KitLayout.Tools}/{Path.GetFileName(p.Path)}/{Path.GetFileName(p.Path)}.csproj\" />\n")),
        ["PROGRAMS"] = Programs(profile),
    };

    // Run instructions for the provided programs, with the profile's example arguments.
    private static string Programs(AssignmentProfile profile)
    {
        if (profile.Programs.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder("## The provided program\n\n");
        foreach (var program in profile.Programs)
        {
            var name = Path.GetFileName(program.Path);
            text.Append(CultureInfo.InvariantCulture, $"`{KitLayout.Tools}/{name}/` is the handout's command-line program, built on your library (it calls the parts you implement). Run it with the handout's arguments, e.g.:\n\n");
            text.Append(CultureInfo.InvariantCulture, $"```\ndotnet run --project {KitLayout.Tools}/{name} -- {program.Example}\n```\n\n");
            if (program.Runs is { Count: > 0 } runs)
            {
                text.Append("The runs the handout's empirical questions ask for (plot a metrics file's cross-entropy per epoch with ");
                text.Append(CultureInfo.InvariantCulture, $"`dotnet run --project {KitLayout.Tools}/Run -- plot <metrics file> --loss`, and the last epoch's cross-entropy against the number of hidden units with ");
                text.Append(CultureInfo.InvariantCulture, $"`dotnet run --project {KitLayout.Tools}/Run -- plot hidden5_metrics.txt hidden20_metrics.txt ... --against hidden_units`; the plots and answers are graded by the staff):\n\n");
                foreach (var run in runs)
                {
                    text.Append(CultureInfo.InvariantCulture, $"- {run.Title}:\n  `dotnet run -c Release --project {KitLayout.Tools}/{name} -- {run.Args}`\n");
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    // The parts in the profile's (the handout's) order, each with where it lives and its instruction.
    private static string Parts(AssignmentProfile profile, ReferenceLibrary library, IReadOnlyList<KitCheck> checks)
    {
        var text = new StringBuilder();
        var n = 1;
        foreach (var part in profile.Parts)
        {
            var regions = library.RegionsOf(part);
            var where = string.Join(", ", regions.Select(r => $"`{KitLayout.Library}/{r.File}`").Distinct());
            var check = checks.FirstOrDefault(c => c.Part == part);
            var points = check is null ? "" : $" (public check: item {check.Item}, {Number(check.Points)} pts)";
            text.Append(CultureInfo.InvariantCulture, $"{n++}. **`{part}`** in {where}{points}: {regions[0].Instruction}\n");
        }

        return text.ToString().TrimEnd();
    }

    // What the grader reads, generated from the profile's files and the rubric's logs: exactly what pack zips.
    private static string Graded(AssignmentProfile profile, IReadOnlyList<KitLog> logs)
    {
        var text = new StringBuilder("Your source files:\n\n");
        text.AppendJoin('\n', profile.Files.Select(f => $"- `{KitLayout.Library}/{f}`"));
        if (logs.Count > 0)
        {
            var plots = logs.Where(l => Intake.SubmissionIntake.IsImage(l.File)).ToList();
            text.Append("\n\nThe training logs the rubric grades, from full (not `--quick`) runs:\n\n");
            text.AppendJoin('\n', logs.Except(plots).Select(l => $"- `{l.Path}`, written by `{l.Command}`{(l.Bonus ? " (bonus: optional)" : "")}"));
            if (plots.Count > 0)
            {
                text.Append("\n\nThe plots the rubric grades, drawn from those logs by the kit's plot command (it records in the PNG what it " +
                    "draws, and the grader checks the curves against the logs you submit: draw them again after training again):\n\n");
                text.AppendJoin('\n', plots.Select(l => $"- `{l.Path}`, written by `{l.Command}`{(l.Bonus ? " (bonus: optional)" : "")}"));
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Every CPU limit that can cost points, from the rubric: the per-call limit and each check with its own budget
    /// (issue 14: a time limit is part of the assignment, not a surprise).
    /// </summary>
    private static string Limits(Rubrics.Rubric? rubric)
    {
        if (rubric is null)
        {
            return "";
        }

        var text = new StringBuilder("## Time limits\n\n");
        text.Append($"The grader stops any single call into your code after {Number(rubric.Limits.CallTimeoutSeconds)} s of CPU time and scores that check as `timeout` " +
            "(a correct part, even written with plain loops, takes well under a second per call).");
        var budgets = rubric.Items.Where(i => !i.Manual)
            .SelectMany(i => i.Checks.Where(c => c.TimeoutSeconds is not null).Select(c => (Item: i, Check: c))).ToList();
        if (budgets.Count > 0)
        {
            text.Append(" These checks have a budget of their own:\n\n");
            foreach (var (item, check) in budgets)
            {
                var what = check.Kind switch
                {
                    "accuracy" => $"trains for {check.Epochs} epoch(s) of {check.Data?.Train} examples in batches of {check.BatchSize} within {Number(check.TimeoutSeconds!.Value)} s of CPU time (one step at most {Number(check.StepTimeoutSeconds)} s)",
                    "training-log" when check.Replay is { } replay =>
                        $"the grader re-runs the first {replay.Epochs} epoch(s) of the logged run with your submitted code (the log's config and seed) and compares them with the log; the re-run must finish within {Number(check.TimeoutSeconds!.Value)} s of CPU time, and a short run of its first {Checks.Kinds.TrainingLogCheck.ProbeBatches} batches, made before it, within {Number(replay.ProbeSeconds ?? rubric.Limits.CallTimeoutSeconds)} s",
                    _ => $"must finish within {Number(check.TimeoutSeconds!.Value)} s of CPU time",
                };
                text.Append($"- item **{item.Id}** ({Number(item.Points)} pts), {check.Name ?? check.Kind}: {what}");
                text.Append(check.TimeoutHint is { } hint ? $"; {hint}.\n" : ".\n");
            }
        }
        else
        {
            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Experiments(AssignmentProfile profile) =>
        profile.Experiments.Count == 0
            ? profile.Programs.Any(p => p.Runs is { Count: > 0 })
                ? "This assignment has no experiment files: its training runs go through the provided program (see \"The provided program\" below)."
                : "This assignment has no training runs."
            : string.Join('\n', profile.Experiments.Select(e =>
                $"- `{e.Name}`: `experiments/{Path.GetFileName(e.Config)}`{(e.Description.Length > 0 ? " — " + e.Description : "")}"));

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
