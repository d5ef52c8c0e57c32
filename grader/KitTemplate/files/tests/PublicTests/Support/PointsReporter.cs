using Kit.Scoring;
using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.TestHost;
using Microsoft.Testing.Platform.Services;

namespace PublicTests.Support;

/// <summary>Registers <see cref="PointsReporter"/> with the test platform (named in PublicTests.csproj).</summary>
public static class PointsReporterHook
{
    public static void AddExtensions(ITestApplicationBuilder builder, string[] args)
    {
        var reporter = new CompositeExtensionFactory<PointsReporter>(() => new PointsReporter());
        builder.TestHost.AddDataConsumer(reporter);
        builder.TestHost.AddTestSessionLifetimeHandler(reporter);
    }
}

/// <summary>
/// Records, per check class, whether all its tests passed, and prints the points table when the run ends.
/// `dotnet test` shows the table under "Standard output" while any check fails; when every check passes it shows
/// only the summary (all points earned). `dotnet run --project tools/Kit -- score` prints the table from a results file.
/// </summary>
public sealed class PointsReporter : IDataConsumer, ITestSessionLifetimeHandler
{
    private readonly Dictionary<string, string> failures = new(StringComparer.Ordinal);
    private readonly HashSet<string> ran = new(StringComparer.Ordinal);

    public string Uid => "PublicTests.Points";

    public string Version => "1.0.0";

    public string DisplayName => "Points of the public checks";

    public string Description => "Prints the points table of the public checks at the end of the run.";

    public Type[] DataTypesConsumed => [typeof(TestNodeUpdateMessage)];

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);

    public Task ConsumeAsync(IDataProducer dataProducer, IData value, CancellationToken cancellationToken)
    {
        if (value is not TestNodeUpdateMessage { TestNode: var node }
            || node.Properties.SingleOrDefault<TestMethodIdentifierProperty>() is not { } method)
        {
            return Task.CompletedTask;
        }

        var type = method.Namespace.Length > 0 ? $"{method.Namespace}.{method.TypeName}" : method.TypeName;
        var failure = node.Properties.SingleOrDefault<TestNodeStateProperty>() switch
        {
            PassedTestNodeStateProperty => null,
            FailedTestNodeStateProperty failed => failed.Exception?.Message ?? failed.Explanation ?? "failed",
            ErrorTestNodeStateProperty error => error.Exception?.Message ?? error.Explanation ?? "error",
            TimeoutTestNodeStateProperty timeout => timeout.Explanation ?? "timed out",
            _ => "",
        };
        if (failure == "")
        {
            return Task.CompletedTask; // discovered, in progress or skipped: not a result
        }

        lock (ran)
        {
            ran.Add(type);
            if (failure is not null)
            {
                failures.TryAdd(type, failure);
            }
        }

        return Task.CompletedTask;
    }

    public Task OnTestSessionStartingAsync(ITestSessionContext context) => Task.CompletedTask;

    public Task OnTestSessionFinishingAsync(ITestSessionContext context)
    {
        lock (ran)
        {
            var kit = Kit.KitFolder.Find(AppContext.BaseDirectory);
            var checks = kit.Checks.Where(c => ran.Contains(c.TestClass)).ToList();
            if (checks.Count > 0)
            {
                var rows = CheckScore.Rows(checks, c => failures.TryGetValue(c.TestClass, out var failure) ? failure : "passed");
                Console.WriteLine("points of the public checks\n" + ScoreTable.Text(rows) + "\n");
            }
        }

        return Task.CompletedTask;
    }
}
