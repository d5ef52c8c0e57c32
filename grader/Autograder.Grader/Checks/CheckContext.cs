using System.Globalization;
using System.Text;
using Autograder.Grader.Execution;
using Autograder.Grader.Rubrics;
using Autograder.Worker.Protocol;

namespace Autograder.Grader.Checks;

/// <summary>
/// What a check runs against: the trusted reference (in-process) and the student build (worker),
/// the check's parameters, the case seed and the submitted logs. Student calls that throw become
/// <see cref="StudentFault"/>; reference calls that throw become <see cref="RubricError"/>.
/// </summary>
internal sealed class CheckContext(IExecutor reference, IExecutor student, CheckSpec spec, GradingEnvironment environment)
{
    private readonly StringBuilder _output = new();

    public CheckSpec Spec => spec;

    public GradingEnvironment Environment => environment;

    /// <summary>Things the student should know that cost no points (an input modified in place), said once per check.</summary>
    public SortedSet<string> Warnings { get; } = new(StringComparer.Ordinal);

    /// <summary>Tensors of the case being run that help name a likely mistake (input, upstream gradient, bias...); cleared per case.</summary>
    public List<Hint> Hints { get; } = [];

    /// <summary>Adds a hint when <paramref name="value"/> is a tensor or number.</summary>
    public void Hint(string name, HintRole role, WireValue value)
    {
        if (TensorCompare.HintOf(name, role, value) is { } hint)
        {
            Hints.Add(hint);
        }
    }

    /// <summary>Seed of the case being run (set by the runner before each case).</summary>
    public ulong CaseSeed { get; set; }

    public string? Output => _output.Length == 0 ? null : _output.ToString();

    public WireValue Reference(WorkerRequest request)
    {
        var response = reference.Execute(request);
        return response.Ok ? response.Value ?? new NullValue() : throw new RubricError($"the reference failed {Describe(request)}: {response.Error?.Type}: {response.Error?.Message}");
    }

    /// <summary>
    /// Seconds the student's calls have cost so far: the worker's CPU time where it can be read (a busy
    /// machine does not count against the student), else wall time.
    /// </summary>
    public double StudentSeconds { get; private set; }

    /// <summary>The student worker's limit for one call (the rubric's <c>call_timeout_seconds</c>), where it has one.</summary>
    public TimeSpan? StudentCallTimeout => student.CallTimeout;

    public WorkerResponse Student(WorkerRequest request, TimeSpan? timeout = null)
    {
        var before = student.CpuSeconds;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        WorkerResponse response;
        try
        {
            response = student.Execute(request, timeout ?? (spec.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null));
        }
        finally
        {
            var after = student.CpuSeconds;
            StudentSeconds += before is { } b && after is { } a && a >= b ? a - b : clock.Elapsed.TotalSeconds;
        }

        if (response.Output is { } printed)
        {
            _output.Append(printed);
        }

        return response.Ok ? response : throw new StudentFault(Describe(request), response.Error!);
    }

    /// <summary>Runs the same request on both sides: (expected, got).</summary>
    public (WireValue Expected, WireValue Got) Both(WorkerRequest request) => (Reference(request), Student(request).Value ?? new NullValue());

    /// <summary>
    /// A YAML argument token: <c>rng</c> (seeded Rng), <c>$name</c> (an inline value, a closure or a bound object),
    /// <c>$seed</c>, true/false/null, a number, <c>"[a, b]"</c> (a list of tokens), else a string (enum member).
    /// </summary>
    public WireValue Arg(string token) => token switch
    {
        "rng" => new RngValue(CaseSeed),
        "$seed" => new IntValue((long)(CaseSeed >> 1)),
        "true" => new BoolValue(true),
        "false" => new BoolValue(false),
        "null" => new NullValue(),
        _ when token.StartsWith('[') && token.EndsWith(']') => new ListValue([.. token[1..^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Arg)]),
        _ when token.StartsWith('$') && Inline.TryGetValue(token[1..], out var inline) => inline,
        _ when token.StartsWith('$') && Functions.TryGetValue(token[1..], out var function) => function,
        _ when token.StartsWith('$') => new RefValue(token[1..]),
        _ when long.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => new IntValue(i),
        _ when double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => new DoubleValue(d),
        _ => new StringValue(token),
    };

    public List<WireValue> Args(IEnumerable<string> tokens) => tokens.Select(Arg).ToList();

    /// <summary>Values sent inline where a token <c>$name</c> appears (the random <c>$x</c>, <c>$y</c> of the case).</summary>
    public Dictionary<string, WireValue> Inline { get; } = [];

    /// <summary>The check's random tensors as sent to both sides (to tell whether a call restored them).</summary>
    public Dictionary<string, TensorValue> Sent { get; } = [];

    /// <summary>Closures passed where a token <c>$name</c> appears (the check's <c>functions</c>).</summary>
    public Dictionary<string, FuncValue> Functions { get; } = [];

    private static string Describe(WorkerRequest r) => r.Op switch
    {
        "new" => $"new {r.Type?.Split('.').Last()}(...)",
        "call" => $"{(r.Target is { } t ? t.TrimStart('$') : r.Type?.Split('.').Last())}.{r.Member}(...)",
        "get" => $"reading {r.Member}",
        "set" => $"setting {r.Member}",
        _ => r.Op,
    };
}
