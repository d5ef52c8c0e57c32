using System.Diagnostics;
using System.Reflection;
using Autograder.Grader.Checks;
using Autograder.Grader.Compilation;
using Autograder.Grader.Execution;
using Autograder.Grader.Intake;
using Autograder.Grader.Policy;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;

namespace Autograder.Grader.Pipeline;

/// <summary>
/// Grades one submission end to end: intake, compile, policy, worker, host checks, rubric. Always
/// returns a <see cref="GradeResult"/>; when the grader itself fails, the result says so in
/// <see cref="GradeResult.GraderError"/> instead of throwing.
/// </summary>
public static class GradingPipeline
{
    public static string Version { get; } =
        typeof(GradingPipeline).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static GradeResult Grade(GradeRequest request, WorkerLimits? limits = null)
    {
        var clock = Stopwatch.StartNew();
        var workDir = Path.Combine(Path.GetTempPath(), $"autograder-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(workDir);
            return Run(request, workDir, limits, clock);
        }
        catch (Exception ex)
        {
            return Failure(request, $"{ex.GetType().Name}: {ex.Message}", clock.Elapsed.TotalSeconds);
        }
        finally
        {
            try
            {
                Directory.Delete(workDir, recursive: true);
            }
            catch (IOException)
            {
                // A worker still closing may hold a file; the temp folder is cleaned by the OS.
            }
        }
    }

    /// <summary>The result written when the grader itself failed: zero points, the error named.</summary>
    public static GradeResult Failure(GradeRequest request, string error, double seconds) =>
        new(request.AssignmentId, request.Submission, request.Seed ?? 0, "", 0, 0, "none", [],
            [$"The grader failed; this is not a judgement of your work. Tell the course staff: {error}"], seconds, Version, GraderError: error);

    private static GradeResult Run(GradeRequest request, string workDir, WorkerLimits? limits, Stopwatch clock)
    {
        var rubric = request.Rubric ?? RubricLoader.Parse(File.ReadAllText(RubricPath(request)), RubricPath(request), CheckRegistry.Names);
        var assignment = request.Assignment ?? AssignmentInfo.Load(request.CourseRoot, request.AssignmentId);
        var library = CourseLibrary.Load(request.LibraryRoot ?? Path.Combine(request.CourseRoot, "reference", "NeuralNet"));
        var messages = new List<string>();

        var intake = SubmissionIntake.Read(request.Submission, assignment.Files, rubric.Logs,
            new IntakeLimits(rubric.Limits.MaxFileBytes, rubric.Limits.MaxEntries, rubric.Limits.MaxTotalBytes));
        messages.AddRange(intake.Problems.Select(p => $"submission: {p}"));
        messages.AddRange(intake.Missing.Select(f => $"submission: {f} is missing; its parts are graded as not implemented"));
        var seed = request.Seed ?? Convert.ToUInt64(intake.ContentHash[..16], 16);

        // Missing and rejected files compile as the kit's stubs so the rest still grades.
        var studentFiles = new Dictionary<string, string>(intake.Files, StringComparer.Ordinal);
        foreach (var file in assignment.Files.Where(f => !studentFiles.ContainsKey(f) && library.Sources.ContainsKey(f)))
        {
            studentFiles[file] = SolutionRegions.Stub(library.Sources[file], file, assignment.Parts);
        }

        var libDir = Directory.CreateDirectory(Path.Combine(workDir, "lib")).FullName;
        var compiled = SubmissionCompiler.Compile(library, studentFiles, assignment.Parts, Path.Combine(libDir, "NeuralNet.dll"));
        foreach (var (file, errors) in compiled.FailedFiles)
        {
            messages.Add($"compile: {file} does not compile; its parts score 0: {errors.FirstOrDefault()}");
        }

        var policy = PolicyChecker.Check(compiled.Compilation, SubmissionCompiler.StudentTrees(compiled).Where(t => intake.Files.ContainsKey(t.FilePath)),
            new PolicyOptions(rubric.Policy.AllowConsoleWrite));
        messages.AddRange(policy.Select(v => $"policy: {v}"));

        var items = new List<ItemResult>();
        var sandbox = "none";
        if (compiled.AssemblyPath is null)
        {
            var fatal = string.Join("\n", compiled.FatalErrors.Take(10));
            messages.Add($"compile: the course library could not be built with your files:\n{fatal}");
            items.AddRange(rubric.Items.Select(i => ItemScorer.Score(i, ItemScorer.Blocked(i, new CompileError(fatal)), [])));
        }
        else
        {
            SubmissionCompiler.CopyDependencies(libDir);
            var layout = WorkerLayout.Create(workDir, compiled.AssemblyPath);
            var workerLimits = limits ?? new WorkerLimits(TimeSpan.FromSeconds(rubric.Limits.CallTimeoutSeconds), rubric.Limits.MemoryMb << 20);
            var hidden = new[] { request.CourseRoot, library.Root, AppContext.BaseDirectory }.Select(Path.GetFullPath).ToList();
            using var student = new WorkerSession(layout, workerLimits, hidden);
            using var reference = new InProcessExecutor(request.ReferenceAssembly ?? Assembly.Load("NeuralNet"));
            sandbox = student.Sandbox;
            foreach (var item in rubric.Items)
            {
                items.Add(GradeItem(item, library, intake, compiled, policy, reference, student, request.CourseRoot, seed, messages));
            }
        }

        var score = items.Sum(i => i.Points);
        var penalty = ItemScorer.LatePenalty(rubric, request.SubmittedAt);
        if (penalty > 0)
        {
            messages.Add($"late: {penalty:P0} late penalty applied");
        }

        return new GradeResult(rubric.Assignment, Path.GetFileName(Path.TrimEndingDirectorySeparator(request.Submission)), seed, intake.ContentHash,
            Math.Round(score * (1 - penalty), 4), rubric.MaxScore, sandbox, items, messages, clock.Elapsed.TotalSeconds, Version, penalty);
    }

    private static ItemResult GradeItem(RubricItem item, CourseLibrary library, IntakeResult intake, CompileResult compiled, IReadOnlyList<PolicyViolation> policy,
        IExecutor reference, IExecutor student, string courseRoot, ulong seed, List<string> messages)
    {
        var files = item.Parts.Select(library.FileOf).OfType<string>().Distinct().ToList();
        var notes = files.Where(intake.Missing.Contains).Select(f => $"{f} was not in the submission").ToList();
        if (files.FirstOrDefault(intake.Rejected.ContainsKey) is { } rejected)
        {
            return ItemScorer.Score(item, ItemScorer.Blocked(item, new Failed($"{rejected} was not accepted: {intake.Rejected[rejected]}")), notes);
        }

        if (files.FirstOrDefault(compiled.FailedFiles.ContainsKey) is { } failed)
        {
            var errors = string.Join("\n", compiled.FailedFiles[failed].Take(5));
            return ItemScorer.Score(item, ItemScorer.Blocked(item, new CompileError($"{failed} does not compile:\n{errors}")), notes);
        }

        var violations = policy.Where(v => files.Contains(v.File)).ToList();
        if (violations.Count > 0)
        {
            return ItemScorer.Score(item, ItemScorer.Blocked(item, new PolicyViolated(string.Join("\n", violations.Take(5)))), notes);
        }

        var checks = new List<CheckResult>();
        for (var i = 0; i < item.Checks.Count; i++)
        {
            var environment = new GradingEnvironment(courseRoot, item.Id, i, seed, intake.Logs);
            checks.Add(CheckRunner.Run(item.Checks[i], reference, student, environment, messages.Add));
        }

        return ItemScorer.Score(item, checks, notes);
    }

    private static string RubricPath(GradeRequest request) =>
        request.RubricPath ?? Path.Combine(request.CourseRoot, "rubrics", $"{request.AssignmentId}.rubric.yaml");
}
