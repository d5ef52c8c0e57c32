using System.IO.Compression;
using Autograder.Grader.Batch;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Reports.Class;
using Autograder.Tests.Grader;

namespace Autograder.Tests.Batch;

/// <summary>
/// A small class of fake-course submissions, one per outcome, and one batch over it, graded once per
/// test run and shared: alice (folder, correct), bob (zip, correct), carol (ReLU backward wrong at 0),
/// dave (compile error), erin (a zip that is not a zip), frank (infinite loop: timeouts).
/// Tests that change things copy <see cref="Output"/> first.
/// </summary>
internal sealed class BatchClass
{
    private static readonly Lazy<BatchClass> Shared = new(() => new BatchClass());

    public static readonly string[] Students = ["alice", "bob", "carol", "dave", "erin", "frank"];

    private BatchClass()
    {
        Folder = Directory.CreateTempSubdirectory("batch-class-").FullName;
        Move(FakeCourse.Submission(), "alice");
        var bob = FakeCourse.Submission(flat: true);
        ZipFile.CreateFromDirectory(bob, Path.Combine(Folder, "bob.zip"));
        Move(FakeCourse.Submission((f, t) => Edit(f, t, "Layers/Relu.cs", "return gradOutput * (x > 0.0);", "return gradOutput * (x >= 0.0);")), "carol");
        Move(FakeCourse.Submission((f, t) => Edit(f, t, "Layers/Relu.cs", "return x * (x > 0.0);", "return x * undefinedMask;")), "dave");
        File.WriteAllBytes(Path.Combine(Folder, "erin.zip"), "this is not a zip file"u8.ToArray());
        Move(FakeCourse.Submission((f, t) => Edit(f, t, "Layers/Affine.cs", "return x.MatMul(_w.Value) + _b.Value;",
            "var spin = 0L; while (spin >= 0) { spin = (spin + 1) % 7; }\n        return x.MatMul(_w.Value) + _b.Value;")), "frank");

        Output = Directory.CreateTempSubdirectory("batch-out-").FullName;
        Run = BatchRunner.Run(Options(Folder, Output));
    }

    public static BatchClass Instance => Shared.Value;

    public string Folder { get; }

    public string Output { get; }

    public BatchRun Run { get; }

    /// <summary>Batch options over the fake course, 2 jobs, 6 s per worker call (a worker start on a loaded machine must fit).</summary>
    public static BatchOptions Options(string folder, string output) =>
        new(folder, output, Template) { Jobs = 2, Limits = new WorkerLimits(TimeSpan.FromSeconds(6), 512L << 20) };

    public static GradeRequest Template
    {
        get
        {
            var course = FakeCourse.Instance;
            return new GradeRequest("", "fake-course", course.Root)
            {
                AllowUnsandboxed = true,
                LibraryRoot = course.LibraryRoot,
                ReferenceAssembly = course.Reference,
                Assignment = course.Assignment,
                Rubric = course.Rubric,
            };
        }
    }

    /// <summary>A copy of a folder (tests that regrade work on their own copy of the output).</summary>
    public static string CopyOf(string folder)
    {
        var target = Directory.CreateTempSubdirectory("batch-copy-").FullName;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }

    public static Dictionary<string, string[]> Rows(string output) =>
        File.ReadAllLines(Path.Combine(output, Gradebook.FileName)).Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0], c => c);

    public static string Edit(string file, string text, string target, string from, string to) =>
        file == target ? text.Replace(from, to, StringComparison.Ordinal) : text;

    private void Move(string submission, string student) => Directory.Move(submission, Path.Combine(Folder, student));
}
