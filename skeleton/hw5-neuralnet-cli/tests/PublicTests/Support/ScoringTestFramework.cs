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

    /// <summary>The rows in kit.json's (the handout's) order, as the CI scoring step builds them (see <see cref="CheckScore.Rows"/>).</summary>
    private IReadOnlyList<CheckScore> Scores()
    {
        var byName = classes.ToDictionary(t => t.FullName ?? t.Name, StringComparer.Ordinal);
        var kit = Kit.KitFolder.Find(AppContext.BaseDirectory);
        return CheckScore.Rows(kit.Checks.Where(c => byName.ContainsKey(c.TestClass)).ToList(), check =>
        {
            var type = byName[check.TestClass];
            return failures.TryGetValue(type, out var failure) ? failure : ran.Contains(type) ? "passed" : "not run";
        });
    }
}
