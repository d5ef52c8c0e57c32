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
    public static SubmissionBuild Create(CourseLibrary library, AssignmentProfile assignment, IntakeResult intake, Rubric rubric, string assemblyPath, bool policyOff = false)
    {
        var messages = new List<string>();
        // Missing and rejected files compile as the kit's stubs so the rest still grades.
        var files = new Dictionary<string, string>(intake.Files, StringComparer.Ordinal);
        foreach (var file in assignment.Files.Where(f => !files.ContainsKey(f) && library.Sources.ContainsKey(f)))
        {
            files[file] = library.Stub(file, assignment.Parts);
        }

        var compiled = SubmissionCompiler.Compile(library, files, assignment.Parts, assemblyPath, TimeSpan.FromSeconds(rubric.Limits.CompileTimeoutSeconds));
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

        return new SubmissionBuild(compiled, violations, messages);
    }
}
