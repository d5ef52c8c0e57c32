using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Autograder.Grader.Assignments;

/// <summary>
/// <c>autograder new &lt;assignment-id&gt;</c>: a new assignment in a course folder, ready for its reference solution. It writes a
/// module (an example layer with init, forward and backward regions whose reference solution the instructor writes, and
/// the module class that registers an experiment model), appends the module to modules.yaml, and writes the assignment
/// profile, a rubric with one example item per check kind a layer is graded by (init, forward, backward, gradcheck,
/// accuracy), the kit's public check templates and a README of next steps. docs/authoring.md walks through the rest.
/// </summary>
public static partial class AssignmentScaffold
{
    /// <summary>What <see cref="Create"/> wrote.</summary>
    /// <param name="Files">the files written, relative to the course root</param>
    /// <param name="Module">the module's name (the assignment id)</param>
    /// <param name="Parts">the example parts</param>
    public sealed record Result(IReadOnlyList<string> Files, string Module, IReadOnlyList<string> Parts);

    /// <summary>Scaffolds assignment <paramref name="id"/> in the course at <paramref name="courseRoot"/>; writes nothing if any target exists.</summary>
    /// <param name="courseRoot">the course folder (holding reference/NeuralNet, rubrics/, grader/KitTemplate)</param>
    /// <param name="id">the assignment id: lower-case letters, digits and dashes, starting with a letter (e.g. hw7-leaky-adam)</param>
    /// <param name="title">the title (default: the id)</param>
    /// <returns>what was written</returns>
    /// <exception cref="ArgumentException">the id is not valid, or the course folder is not one</exception>
    /// <exception cref="IOException">a file the scaffold would write already exists (nothing is written)</exception>
    public static Result Create(string courseRoot, string id, string? title = null)
    {
        if (!IdPattern().IsMatch(id))
        {
            throw new ArgumentException($"'{id}' is not a valid assignment id: expected lower-case letters, digits and dashes starting with a letter, e.g. hw7-leaky-adam", nameof(id));
        }

        var library = new Release.RepositoryLayout(courseRoot).ReferenceLibrary;
        foreach (var needed in new[] { library, Path.Combine(courseRoot, "rubrics"), Path.Combine(courseRoot, "grader", "KitTemplate", "checks") })
        {
            if (!Directory.Exists(needed))
            {
                throw new ArgumentException($"{courseRoot} is not a course folder: {Path.GetRelativePath(courseRoot, needed)} is missing", nameof(courseRoot));
            }
        }

        title ??= id;
        var type = string.Concat(id.Split('-').Select(s => char.ToUpperInvariant(s[0]) + s[1..]));
        var prefix = id.Replace('-', '_');
        var parts = new[] { $"{prefix}.dense.init", $"{prefix}.dense.forward", $"{prefix}.dense.backward" };
        var folder = $"Models/{type}";
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"reference/NeuralNet/{folder}/{type}Dense.cs"] = Fill(DenseSource, id, type, prefix, title),
            [$"reference/NeuralNet/{folder}/{type}Module.cs"] = Fill(ModuleSource, id, type, prefix, title),
            [$"reference/NeuralNet/{folder}/README.md"] = Fill(ReadmeSource, id, type, prefix, title),
            [$"rubrics/{id}{AssignmentProfile.FileSuffix}"] = Fill(ProfileSource, id, type, prefix, title),
            [$"rubrics/{id}.rubric.yaml"] = Fill(RubricSource, id, type, prefix, title),
            [$"grader/KitTemplate/checks/{parts[1]}.cs"] = Fill(ForwardCheckSource, id, type, prefix, title),
            [$"grader/KitTemplate/checks/{parts[2]}.cs"] = Fill(BackwardCheckSource, id, type, prefix, title),
            [$"grader/KitTemplate/checks/{parts[0]}.cs"] = Fill(InitCheckSource, id, type, prefix, title),
        };

        var modulesPath = Path.Combine(library, CourseModules.FileName);
        if (File.Exists(modulesPath) && CourseModules.Load(library).All.Any(m => m.Name == id))
        {
            throw new IOException($"reference/NeuralNet/{CourseModules.FileName} already has a module named {id}; pick another assignment id");
        }

        if (files.Keys.FirstOrDefault(f => File.Exists(Path.Combine(courseRoot, f))) is { } existing)
        {
            throw new IOException($"{existing} already exists; autograder new writes nothing over an existing file (pick another id or remove it)");
        }

        if (Directory.Exists(Path.Combine(library, folder)))
        {
            throw new IOException($"reference/NeuralNet/{folder}/ already exists; autograder new writes a module into a new folder only");
        }

        foreach (var (path, text) in files)
        {
            var target = Path.Combine(courseRoot, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, text.ReplaceLineEndings("\n"), new UTF8Encoding(false));
        }

        var entry = $"  - name: {id}\n    description: \"{title.Replace("\"", "'", StringComparison.Ordinal)} (scaffolded by autograder new)\"\n    files: [{folder}/]\n";
        if (File.Exists(modulesPath))
        {
            var text = File.ReadAllText(modulesPath);
            File.WriteAllText(modulesPath, (text.EndsWith('\n') ? text : text + "\n") + entry, new UTF8Encoding(false));
        }
        else
        {
            File.WriteAllText(modulesPath, $"# The course library's modules (see docs/authoring.md).\nmodules:\n{entry}", new UTF8Encoding(false));
        }

        return new Result([.. files.Keys, $"reference/NeuralNet/{CourseModules.FileName}"], id, parts);
    }

    private static string Fill(string template, string id, string type, string prefix, string title) =>
        template.Replace("{{ID}}", id, StringComparison.Ordinal)
            .Replace("{{TYPE}}", type, StringComparison.Ordinal)
            .Replace("{{PREFIX}}", prefix, StringComparison.Ordinal)
            .Replace("{{TITLE}}", title.Replace("\"", "'", StringComparison.Ordinal), StringComparison.Ordinal);

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
