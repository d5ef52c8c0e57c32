using System.Globalization;
using System.Xml.Linq;
using Autograder.Grader.Results;

namespace Autograder.Grader.Reports;

/// <summary>JUnit XML: one testsuite per submission, one testcase per check (CI systems render these).</summary>
public static class JUnitReport
{
    public static string Write(GradeResult r)
    {
        var cases = r.Items.SelectMany(i => i.Checks.Select(c => (Item: i, Check: c))).ToList();
        var suite = new XElement("testsuite",
            new XAttribute("name", r.Assignment),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", cases.Count(c => c.Check.Status == CheckStatus.Failed)),
            new XAttribute("errors", cases.Count(c => c.Check.Status is not (CheckStatus.Passed or CheckStatus.Failed))),
            new XAttribute("time", r.ExecutionSeconds.ToString("0.000", CultureInfo.InvariantCulture)),
            new XElement("properties",
                new XElement("property", new XAttribute("name", "score"), new XAttribute("value", r.Score.ToString(CultureInfo.InvariantCulture))),
                new XElement("property", new XAttribute("name", "max_score"), new XAttribute("value", r.MaxScore.ToString(CultureInfo.InvariantCulture))),
                new XElement("property", new XAttribute("name", "sandbox"), new XAttribute("value", r.Sandbox))),
            cases.Select(c => Case(c.Item, c.Check)));
        if (r.GraderError is { } error)
        {
            suite.Add(new XElement("testcase", new XAttribute("name", "grader"), new XElement("error", new XAttribute("message", error))));
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", suite)).ToString();
    }

    private static XElement Case(ItemResult item, CheckResult c)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", $"{item.Id} {item.Title}"),
            new XAttribute("name", c.Name),
            new XAttribute("time", (c.DurationMs / 1000).ToString("0.000", CultureInfo.InvariantCulture)));
        if (c.Status == CheckStatus.Failed)
        {
            element.Add(new XElement("failure", new XAttribute("message", c.Outcome.Message), new XAttribute("type", "failed")));
        }
        else if (c.Status != CheckStatus.Passed)
        {
            element.Add(new XElement("error", new XAttribute("message", c.Outcome.Message), new XAttribute("type", Names.Of(c.Status))));
        }

        if (c.Output is { } output)
        {
            element.Add(new XElement("system-out", output));
        }

        return element;
    }
}
