using System.Reflection;
using Kit.Scoring;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestFramework("PublicTests.Support.ScoringTestFramework", "PublicTests")]

namespace PublicTests.Support;

/// <summary>
/// xunit's own framework plus a points table at the end of the run. `dotnet test` shows xunit's
/// diagnostic messages (enabled in xunit.runner.json), so the table appears in the terminal.
/// </summary>
public sealed class ScoringTestFramework : XunitTestFramework
{
    public ScoringTestFramework(IMessageSink messageSink)
        : base(messageSink)
    {
    }

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new ScoringExecutor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);
}

/// <summary>Runs the tests as xunit does, through a sink that scores each check class.</summary>
public sealed class ScoringExecutor : XunitTestFrameworkExecutor
{
    public ScoringExecutor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : base(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
    }

    protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
    {
        var cases = testCases.ToList();
        var sink = new ScoringSink(executionMessageSink, DiagnosticMessageSink, cases);
        using var runner = new XunitTestAssemblyRunner(TestAssembly, cases, DiagnosticMessageSink, sink, executionOptions);
        await runner.RunAsync();
    }
}

/// <summary>Forwards every message and records, per check class, whether all its tests passed.</summary>
public sealed class ScoringSink : Xunit.LongLivedMarshalByRefObject, IMessageSink
{
    private readonly IMessageSink inner;
    private readonly IMessageSink diagnostics;
    private readonly List<Type> classes;
    private readonly Dictionary<Type, string> failures = [];
    private readonly HashSet<Type> ran = [];

    public ScoringSink(IMessageSink inner, IMessageSink diagnostics, IEnumerable<IXunitTestCase> cases)
    {
        this.inner = inner;
        this.diagnostics = diagnostics;
        classes = cases.Select(c => (c.TestMethod.TestClass.Class as IReflectionTypeInfo)?.Type)
            .OfType<Type>()
            .Where(t => t.GetCustomAttribute<PointsAttribute>() is not null)
            .Distinct()
            .ToList();
    }

    public bool OnMessage(IMessageSinkMessage message)
    {
        switch (message)
        {
            case ITestPassed passed when ClassOf(passed) is { } type:
                ran.Add(type);
                break;
            case ITestFailed failed when ClassOf(failed) is { } type:
                ran.Add(type);
                failures.TryAdd(type, failed.Messages.FirstOrDefault() ?? "failed");
                break;
            case ITestAssemblyFinished when classes.Count > 0:
                diagnostics.OnMessage(new DiagnosticMessage("points of the public checks\n" + ScoreTable.Text(Scores()) + "\n"));
                break;
        }

        return inner.OnMessage(message);
    }

    private static Type? ClassOf(ITestResultMessage message) => (message.TestClass.Class as IReflectionTypeInfo)?.Type;

    private List<CheckScore> Scores() => classes
        .Select(type => (Type: type, Points: type.GetCustomAttribute<PointsAttribute>()!))
        .OrderBy(c => c.Points.Item, StringComparer.Ordinal)
        .ThenBy(c => c.Points.Part, StringComparer.Ordinal)
        .Select(c =>
        {
            var status = failures.TryGetValue(c.Type, out var failure) ? failure : ran.Contains(c.Type) ? "passed" : "not run";
            return new CheckScore(c.Points.Item, c.Points.Part, status == "passed" ? c.Points.Points : 0, c.Points.Points, status);
        })
        .ToList();
}
