using System.Xml.Linq;

namespace Kit.Scoring;

/// <summary>One test's result from a TRX (Visual Studio test results) file.</summary>
/// <param name="TestClass">full name of the test class</param>
/// <param name="Name">the test's name</param>
/// <param name="Outcome">Passed, Failed, NotExecuted, ...</param>
/// <param name="Message">the failure message ("" when it passed)</param>
/// <param name="Seconds">how long it ran</param>
public sealed record TrxTest(string TestClass, string Name, string Outcome, string Message, double Seconds);

/// <summary>Reads the results of `dotnet test --report-xunit-trx` (xunit's TRX file).</summary>
public static class TrxResults
{
    public static IReadOnlyList<TrxTest> Parse(string trx)
    {
        var document = XDocument.Parse(trx);
        var ns = document.Root?.Name.Namespace ?? XNamespace.None;
        var classes = document.Descendants(ns + "UnitTest").ToDictionary(
            t => (string)t.Attribute("id")!,
            t => (string?)t.Element(ns + "TestMethod")?.Attribute("className") ?? "");
        return document.Descendants(ns + "UnitTestResult").Select(r => new TrxTest(
            classes.GetValueOrDefault((string?)r.Attribute("testId") ?? "", ""),
            (string?)r.Attribute("testName") ?? "",
            (string?)r.Attribute("outcome") ?? "",
            r.Element(ns + "Output")?.Element(ns + "ErrorInfo")?.Element(ns + "Message")?.Value.Trim() ?? "",
            TimeSpan.TryParse((string?)r.Attribute("duration"), System.Globalization.CultureInfo.InvariantCulture, out var d) ? d.TotalSeconds : 0))
            .ToList();
    }

    /// <summary>Scores each check of the kit: full points when all of its class's tests passed (see <see cref="CheckScore.Rows"/>).</summary>
    /// <param name="checks">the kit's checks, in kit.json order</param>
    /// <param name="tests">the test results</param>
    public static IReadOnlyList<CheckScore> Score(IReadOnlyList<KitCheck> checks, IReadOnlyList<TrxTest> tests) =>
        CheckScore.Rows(checks, check =>
        {
            var own = tests.Where(t => t.TestClass == check.TestClass).ToList();
            var failed = own.FirstOrDefault(t => t.Outcome != "Passed");
            return own.Count == 0 ? "not run" : failed is null ? "passed" : failed.Message.Length > 0 ? failed.Message : failed.Outcome.ToLowerInvariant();
        });
}
