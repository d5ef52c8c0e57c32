using System.Diagnostics;
using System.Reflection;
using Autograder.Grader.Assignments;
using Autograder.Grader.Checks;
using Autograder.Grader.Compilation;
using Autograder.Grader.Execution;
using Autograder.Grader.Intake;
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
        if (SandboxLauncher.Unavailable is { } why && !request.AllowUnsandboxed)
        {
            return Failure(request, Unsandboxed(why), 0);
        }

        var workDir = Path.Combine(request.WorkRoot ?? Path.GetTempPath(), $"autograder-{Guid.NewGuid():N}");
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

    /// <summary>Why an untrusted submission is not graded on this machine, and how to grade it anyway.</summary>
    public static string Unsandboxed(string why) =>
        $"refusing to run an untrusted submission without the sandbox: {why}. Install bubblewrap (apt-get install bubblewrap), " +
        "or pass --no-sandbox to grade anyway (student code then runs with your user's rights; every result says sandbox: none)";

    /// <summary>The assignment profile at <c>rubrics/&lt;id&gt;.assignment.yaml</c>.</summary>
    public static AssignmentProfile LoadAssignment(string courseRoot, string id)
    {
        var path = Path.Combine(courseRoot, "rubrics", id + AssignmentProfile.FileSuffix);
        return File.Exists(path) ? AssignmentProfile.Load(path) : throw KnownAssignments.Unknown(courseRoot, id);
    }

    private static GradeResult Run(GradeRequest request, string workDir, WorkerLimits? limits, Stopwatch clock)
    {
        if (request.Rubric is null && request.RubricPath is null && !File.Exists(RubricPath(request)))
        {
            throw KnownAssignments.Unknown(request.CourseRoot, request.AssignmentId);
        }

        var rubric = request.Rubric ?? RubricLoader.Parse(File.ReadAllText(RubricPath(request)), RubricPath(request), CheckRegistry.Names, ReferenceOf(request));
        var assignment = request.Assignment ?? LoadAssignment(request.CourseRoot, request.AssignmentId);
        var library = CourseLibrary.Load(request.LibraryRoot ?? new Autograder.Grader.Release.RepositoryLayout(request.CourseRoot).ReferenceLibrary, assignment.Modules);
        var messages = new List<string>();

        var intake = SubmissionIntake.Read(request.Submission, assignment.Files, rubric.Logs,
            new IntakeLimits(rubric.Limits.MaxFileBytes, rubric.Limits.MaxEntries, rubric.Limits.MaxTotalBytes));
        messages.AddRange(intake.Problems.Select(p => $"submission: {p}"));
        messages.AddRange(intake.Missing.Select(f => $"submission: {f} is missing; its parts are graded as not implemented"));
        var seed = request.Seed ?? Convert.ToUInt64(intake.ContentHash[..16], 16);

        var libDir = Directory.CreateDirectory(Path.Combine(workDir, "lib")).FullName;
        var assemblyPath = Path.Combine(libDir, "NeuralNet.dll");
        SubmissionCompiler.CopyDependencies(libDir);
        var layout = WorkerLayout.Create(workDir, assemblyPath);
        var workerLimits = limits ?? new WorkerLimits(TimeSpan.FromSeconds(rubric.Limits.CallTimeoutSeconds), rubric.Limits.MemoryMb << 20);
        // Nothing of the course, the batch or other submissions is mounted in the sandbox (SandboxLauncher).
        using var student = new WorkerSession(layout, workerLimits);
        // The worker's runtime boots while Roslyn compiles; it loads the build on its first request.
        student.Start();

        var build = SubmissionBuild.Create(library, assignment, intake, rubric, assemblyPath, request.PolicyOff);
        messages.AddRange(build.Messages);
        var auto = rubric.Items.Where(i => !i.Manual).ToList();
        var items = new List<ItemResult>();
        var sandbox = student.Sandbox;
        if (build.Compiled.AssemblyPath is null)
        {
            var fatal = string.Join("\n", build.Compiled.FatalErrors.Take(10));
            messages.Add($"compile: the course library could not be built with your files:\n{fatal}");
            items.AddRange(auto.Select(i => ItemScorer.Score(i, ItemScorer.Blocked(i, new CompileError(fatal)), [])));
        }
        else
        {
            using var reference = new InProcessExecutor(ReferenceOf(request));
            using var carried = new CarriedForward(library, assignment, build.Files, TimeSpan.FromSeconds(rubric.Limits.CompileTimeoutSeconds), workDir, workerLimits, build.Compiled.Compilation);
            var context = new ItemGrading(library, intake, build, reference, student, request.CourseRoot, seed, layout.ScratchDirectory, messages, carried);
            items.AddRange(auto.Select(context.Grade));
            if (context.Carried > 0)
            {
                messages.Add($"error carried forward: {context.Carried} item(s) scored with the reference in place of your other parts, where that earns more ({carried.Builds} extra build(s), {carried.Spent.TotalSeconds:0.0} s)");
            }
        }

        items = ItemScorer.ApplyRubricDeductions(rubric, items, messages);
        var manual = rubric.Items.Where(i => i.Manual).ToList();
        if (manual.Count > 0)
        {
            var bonusManual = manual.Where(i => i.Bonus).Sum(i => i.Points);
            var deductions = manual.Where(i => i.Deduction).ToList();
            messages.Add($"manual: {manual.Where(i => !i.Bonus && !i.Deduction).Sum(i => i.Points):0.##} more points{(bonusManual > 0 ? $" (+{bonusManual:0.##} bonus)" : "")} are graded by the course staff ({string.Join(", ", manual.Where(i => !i.Deduction).Select(i => i.Id))})"
                + (deductions.Count > 0 ? $"; the staff may also deduct up to {deductions.Sum(i => i.Points):0.##} points ({string.Join(", ", deductions.Select(i => i.Id))})" : ""));
        }

        var score = items.Sum(i => i.Points);
        var penalty = ItemScorer.LatePenalty(rubric, request.SubmittedAt);
        if (penalty > 0)
        {
            messages.Add($"late: {penalty * 100:F0}% late penalty applied");
        }

        return new GradeResult(rubric.Assignment, Path.GetFileName(Path.TrimEndingDirectorySeparator(request.Submission)), seed, intake.ContentHash,
            Math.Round(score * (1 - penalty), 4), rubric.MaxScore, sandbox, items, messages, clock.Elapsed.TotalSeconds, Version, penalty);
    }

    /// <summary>The assembly that computes expected values: the request's, else the course's reference modules (<see cref="CourseReference"/>).</summary>
    public static Assembly ReferenceOf(GradeRequest request) => request.ReferenceAssembly ?? CourseReference.For(request.CourseRoot, request.LibraryRoot);

    private static string RubricPath(GradeRequest request) =>
        request.RubricPath ?? Path.Combine(request.CourseRoot, "rubrics", $"{request.AssignmentId}.rubric.yaml");
}
