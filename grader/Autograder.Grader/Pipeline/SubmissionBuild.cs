using Autograder.Grader.Assignments;
using Autograder.Grader.Compilation;
using Autograder.Grader.Intake;
using Autograder.Grader.Policy;
using Autograder.Grader.Rubrics;

namespace Autograder.Grader.Pipeline;

/// <summary>
/// Stages 2 and 3 for one submission: compile the student's files with the pristine library, then
/// the policy walk over the student's trees. A file with a policy violation is replaced by its kit
/// stub and the library rebuilt, so code the policy refused never runs in the worker. Tests may turn the walk
/// off (<c>policyOff</c>) to show that the sandbox, not the policy, contains a submission.
/// </summary>
internal sealed record SubmissionBuild(CompileResult Compiled, IReadOnlyList<PolicyViolation> Violations, IReadOnlyList<string> Messages)
{
    /// <summary>The student files as compiled (provided regions restored, refused or missing files as stubs): what carried-forward variants start from.</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();

    public static SubmissionBuild Create(CourseLibrary library, AssignmentProfile assignment, IntakeResult intake, Rubric rubric, string assemblyPath, bool policyOff = false)
    {
        var messages = new List<string>();
        // Missing and rejected files compile as the kit's stubs so the rest still grades.
        var files = new Dictionary<string, string>(intake.Files, StringComparer.Ordinal);
        foreach (var file in assignment.Files.Where(f => !files.ContainsKey(f) && library.Sources.ContainsKey(f)))
        {
            files[file] = library.Stub(file, assignment.Parts);
        }

        // Provided code in a submitted file is graded as provided: an edit to it cannot move points onto or off
        // an item, and the feedback names it. Kept as written only where the original no longer fits the student's file.
        var written = new Dictionary<string, string>(files, StringComparer.Ordinal);
        var edits = new List<string>();
        var assigned = assignment.Parts.ToHashSet(StringComparer.Ordinal);
        foreach (var file in intake.Files.Keys.Where(library.Regions.ContainsKey).Order(StringComparer.Ordinal))
        {
            var (text, swaps) = PartSplicer.Splice(files[file], library.Tree(file, SubmissionCompiler.ParseOptions), library.Regions[file], assigned);
            files[file] = text;
            edits.AddRange(swaps.Where(w => w.Changed).Select(w => $"{w.Member} in {file} (part {w.Part}, provided code)"));
        }

        var compiled = SubmissionCompiler.Compile(library, files, assignment.Parts, assemblyPath, TimeSpan.FromSeconds(rubric.Limits.CompileTimeoutSeconds));
        if (edits.Count > 0 && compiled.FailedFiles.Count > 0)
        {
            files = written;
            compiled = SubmissionCompiler.Compile(library, files, assignment.Parts, assemblyPath, TimeSpan.FromSeconds(rubric.Limits.CompileTimeoutSeconds));
            messages.AddRange(edits.Select(e => $"provided code: you changed {e}; the original does not compile with the rest of your file, so your version is graded"));
        }
        else
        {
            messages.AddRange(edits.Select(e => $"provided code: you changed {e}; it is graded with the original, as handed out"));
        }

        foreach (var (file, errors) in compiled.FailedFiles)
        {
            messages.Add($"compile: {file} does not compile; its parts score 0: {errors.FirstOrDefault()}");
        }

        var submitted = SubmissionCompiler.StudentTrees(compiled).Where(t => intake.Files.ContainsKey(t.FilePath));
        var violations = policyOff ? [] : PolicyChecker.Check(compiled.Compilation, submitted, new PolicyOptions(rubric.Policy.AllowConsoleWrite));
        messages.AddRange(violations.Select(v => $"policy: {v}"));
        var refused = violations.Select(v => v.File).Where(files.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        if (refused.Count > 0 && compiled.AssemblyPath is not null)
        {
            foreach (var file in refused.Concat(compiled.FailedFiles.Keys))
            {
                files[file] = library.Stub(file, assignment.Parts);
            }

            var rebuilt = SubmissionCompiler.Compile(library, files, assignment.Parts, assemblyPath, TimeSpan.FromSeconds(rubric.Limits.CompileTimeoutSeconds));
            var failed = new Dictionary<string, IReadOnlyList<CompileDiagnostic>>(compiled.FailedFiles, StringComparer.Ordinal);
            foreach (var (file, errors) in rebuilt.FailedFiles)
            {
                failed.TryAdd(file, errors);
            }

            compiled = rebuilt with { FailedFiles = failed };
        }

        return new SubmissionBuild(compiled, violations, messages) { Files = files };
    }
}
