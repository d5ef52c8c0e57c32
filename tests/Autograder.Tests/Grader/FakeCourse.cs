using System.Reflection;
using System.Runtime.Loader;
using Autograder.Grader.Assignments;
using Autograder.Grader.Compilation;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;

namespace Autograder.Tests.Grader;

/// <summary>
/// A tiny course library in a temp folder (the real Tensor/Rng plus <see cref="FakeCourseSources"/>),
/// its reference build loaded in-process, and helpers to write student submissions and grade them.
/// Built once per test run: the intake/compile/policy/worker/report path is proven without the real layers.
/// </summary>
internal sealed class FakeCourse
{
    private static readonly Lazy<FakeCourse> Shared = new(() => new FakeCourse());

    public static readonly string[] Files = ["Layers/Affine.cs", "Layers/Relu.cs", "Optimizers/Sgd.cs"];

    public static readonly string[] Parts = ["affine.init", "affine.forward", "affine.backward", "relu.forward", "relu.backward", "sgd.step"];

    private FakeCourse()
    {
        RepoRoot = CourseRootFinder.TryFind(AppContext.BaseDirectory) ?? throw new InvalidOperationException("repo root not found");
        Root = Directory.CreateTempSubdirectory("fake-course-").FullName;
        LibraryRoot = Path.Combine(Root, "lib");
        // Tensor, Rng, Module and Parameter come from the pristine NeuralNet.Core every submission compiles against.
        Write(LibraryRoot, "Layers/Affine.cs", FakeCourseSources.Affine);
        Write(LibraryRoot, "Layers/Relu.cs", FakeCourseSources.Relu);
        Write(LibraryRoot, "Optimizers/Sgd.cs", FakeCourseSources.Sgd);
        Write(Root, "schemas/training-log.schema.json", FakeCourseSources.LogSchema);
        Write(Root, "program/Program.cs", FakeCourseSources.Program);
        Write(Root, "data/values.txt", "-1.5\n0\n2.25\n-0.5\n3\n");

        Library = CourseLibrary.Load(LibraryRoot);
        var compilation = SubmissionCompiler.Create(Library.Sources, "NeuralNet");
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        if (!emitted.Success)
        {
            throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics));
        }

        stream.Position = 0;
        Reference = new AssemblyLoadContext("fake-reference").LoadFromStream(stream);
        Rubric = RubricLoader.Parse(FakeCourseSources.Rubric, "fake.rubric.yaml", Autograder.Grader.Checks.CheckRegistry.Names);
    }

    public static FakeCourse Instance => Shared.Value;

    public string RepoRoot { get; }

    public string Root { get; }

    public string LibraryRoot { get; }

    public Assembly Reference { get; }

    public CourseLibrary Library { get; }

    public Rubric Rubric { get; }

    public AssignmentProfile Assignment { get; } = Profile("fake-course", Files, Parts);

    /// <summary>A minimal assignment profile (id, files, parts), parsed by the release's loader.</summary>
    public static AssignmentProfile Profile(string id, IEnumerable<string> files, IEnumerable<string> parts) =>
        AssignmentProfile.Parse($"id: {id}\ntitle: {id}\nparts: [{string.Join(", ", parts)}]\nfiles: [{string.Join(", ", files)}]\n", $"{id}.assignment.yaml");

    /// <summary>A submission folder with the solution files, each transformed by <paramref name="edit"/> (file, text) -> text.</summary>
    public static string Submission(Func<string, string, string>? edit = null, bool flat = false, string? log = """{"epochs": 2, "train_acc": [0.5, 0.7]}""")
    {
        var dir = Directory.CreateTempSubdirectory("submission-").FullName;
        foreach (var (file, text) in new[] { ("Layers/Affine.cs", FakeCourseSources.Affine), ("Layers/Relu.cs", FakeCourseSources.Relu), ("Optimizers/Sgd.cs", FakeCourseSources.Sgd) })
        {
            Write(dir, flat ? Path.GetFileName(file) : file, edit?.Invoke(file, text) ?? text);
        }

        if (log is not null)
        {
            Write(dir, "run.json", log);
        }

        return dir;
    }

    public GradeResult Grade(string submission, ulong seed = 42, double timeoutSeconds = 10, Rubric? rubric = null) =>
        GradingPipeline.Grade(
            new GradeRequest(submission, "fake-course", Root)
            {
                AllowUnsandboxed = true,
                Seed = seed,
                LibraryRoot = LibraryRoot,
                ReferenceAssembly = Reference,
                Assignment = Assignment,
                Rubric = rubric ?? Rubric,
            },
            new WorkerLimits(TimeSpan.FromSeconds(timeoutSeconds), 512L << 20));

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
