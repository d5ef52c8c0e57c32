using System.Globalization;
using System.Text.RegularExpressions;
using Autograder.Grader.Compilation;
using Autograder.Worker.Protocol;

namespace Autograder.Grader.Checks.Kinds;

/// <summary>
/// <c>output-files</c>: runs a provided program (Homework 5's <c>neuralnet</c>) on the student's library in
/// the worker and on the reference in the host, with the same <c>inputs</c> (copied from the course's data)
/// and <c>args</c> (input and output names become paths in each run's own folder), then compares the
/// <c>outputs</c>: <c>exact</c> files (predicted labels) line by line, <c>numbers</c> files (metrics) with the
/// same text and every number within atol/rtol. The program is compiled once per grading against the
/// student's build. Params: program, entry, inputs, args, outputs, atol, rtol, timeout_seconds.
/// </summary>
internal sealed partial class OutputFilesCheck : ICheckKind
{
    private const long MaxOutputBytes = 4 << 20;

    public string Kind => "output-files";

    public int CaseCount(Rubrics.CheckSpec spec) => 1;

    public void RunCase(CheckContext c, int caseIndex)
    {
        var env = c.Environment;
        var scratch = env.ScratchDirectory ?? throw new RubricError("output-files needs the worker's folder");
        var library = env.StudentAssembly ?? throw new RubricError("output-files needs the student build");
        var entry = c.Spec.Entry ?? throw new RubricError("output-files needs entry: Namespace.Type.Method");
        var outputs = c.Spec.Outputs ?? throw new RubricError("output-files needs outputs");
        var program = Path.Combine(Path.GetDirectoryName(library)!, ProgramCompiler.AssemblyName + ".dll");
        if (!File.Exists(program))
        {
            var errors = ProgramCompiler.Compile(Path.Combine(env.CourseRoot, c.Spec.Program ?? throw new RubricError("output-files needs program")), library, program);
            if (errors.Count > 0)
            {
                throw new CheckFailure($"the provided program does not compile against your library (did you change a public signature?):\n{string.Join("\n", errors.Take(5))}");
            }
        }

        var run = $"{env.ItemId}-{env.CheckIndex}".Replace('/', '_');
        // The worker's folder is private to it (a tmpfs under the sandbox): inputs go in and outputs come back
        // through put/read requests, so the host never opens a path the student's code could have replaced.
        var studentDir = Path.Combine(scratch, run);
        var referenceDir = Directory.CreateTempSubdirectory("autograder-reference-").FullName;
        try
        {
            var dot = entry.LastIndexOf('.');
            WorkerRequest Main(string dir) => new(0, "main", Type: entry[..dot], Member: entry[(dot + 1)..], Path: program,
                Args: [new ListValue([.. c.Spec.Args.Select(a => (WireValue)new StringValue(Resolve(a, dir, c.Spec)))])]);
            foreach (var (name, source) in c.Spec.Inputs ?? [])
            {
                var text = File.ReadAllText(Path.Combine(env.CourseRoot, source));
                c.Reference(Put(Path.Combine(referenceDir, name), text));
                c.Student(Put(Path.Combine(studentDir, name), text));
            }

            var expectedCode = c.Reference(Main(referenceDir));
            var response = c.Student(Main(studentDir));
            if (expectedCode is IntValue { Value: 0 } && response.Value is IntValue { Value: not 0 and var code })
            {
                throw new CheckFailure($"the program exited with code {code}{(response.Output is { } printed ? $": {printed.Trim()}" : "")}");
            }

            foreach (var (name, mode) in outputs)
            {
                var expected = Text(c.Reference(Read(Path.Combine(referenceDir, name)))) ?? throw new RubricError($"the reference run wrote no {name}");
                var got = Text(c.Student(Read(Path.Combine(studentDir, name))).Value) ?? throw new CheckFailure($"{name} was not written");
                Compare(name, mode, expected, got, c.Spec.Atol, c.Spec.Rtol);
            }
        }
        finally
        {
            Directory.Delete(referenceDir, recursive: true);
        }
    }

    private static WorkerRequest Put(string path, string text) => new(0, "put", Path: path, Args: [new StringValue(text)]);

    private static WorkerRequest Read(string path) => new(0, "read", Path: path);

    /// <summary>A file's text as the run returned it, cut at <see cref="MaxOutputBytes"/>, with one kind of line ending.</summary>
    private static string? Text(WireValue? value) => value is StringValue { Value: var text }
        ? (text.Length > MaxOutputBytes ? text[..(int)MaxOutputBytes] : text).ReplaceLineEndings("\n")
        : null;

    private static string Resolve(string arg, string dir, Rubrics.CheckSpec spec) =>
        (spec.Inputs?.ContainsKey(arg) ?? false) || (spec.Outputs?.ContainsKey(arg) ?? false) ? Path.Combine(dir, arg) : arg;

    private static void Compare(string name, string mode, string expected, string got, double atol, double rtol)
    {
        var want = expected.TrimEnd('\n').Split('\n');
        var have = got.TrimEnd('\n').Split('\n');
        for (var i = 0; i < Math.Max(want.Length, have.Length); i++)
        {
            var e = i < want.Length ? want[i] : null;
            var g = i < have.Length ? have[i] : null;
            if (e is null || g is null)
            {
                throw new CheckFailure($"{name}: expected {want.Length} lines, found {have.Length}{(e is null ? $"; line {i + 1} is extra: '{g}'" : $"; line {i + 1} ('{e}') is missing")}");
            }

            if (mode == "exact" ? e != g : !SameNumbers(e, g, atol, rtol))
            {
                throw new CheckFailure($"{name} line {i + 1}: expected '{e}', found '{g}'{(mode == "exact" ? "" : $" (numbers compared within atol={atol:g3}, rtol={rtol:g3})")}");
            }
        }
    }

    private static bool SameNumbers(string expected, string got, double atol, double rtol)
    {
        if (Number().Replace(expected, "#") != Number().Replace(got, "#"))
        {
            return false;
        }

        var e = Number().Matches(expected).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        var g = Number().Matches(got).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        return e.Zip(g).All(p => Math.Abs(p.First - p.Second) <= atol + (rtol * Math.Abs(p.First)));
    }

    [GeneratedRegex(@"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")]
    private static partial Regex Number();
}
