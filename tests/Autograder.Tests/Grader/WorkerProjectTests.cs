using System.Xml.Linq;
using Autograder.Grader.Execution;

namespace Autograder.Tests.Grader;

public sealed class WorkerProjectTests
{
    // The worker may use Roslyn scripting (written answers are compiled in the untrusted process);
    // it must never reference the grader, the reference library or anything else.
    private static readonly string[] AllowedPackages = ["Microsoft.CodeAnalysis.CSharp.Scripting"];

    [Fact]
    public void WorkerProject_ReferencesOnlyRoslynScripting()
    {
        var root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;
        var project = XDocument.Load(Path.Combine(root, "grader", "Autograder.Worker", "Autograder.Worker.csproj"));

        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "ProjectReference" or "PackageReference" or "Reference")
            .Select(e => $"{e.Name.LocalName}:{e.Attribute("Include")?.Value}")
            .ToList();

        Assert.Equal(AllowedPackages.Select(p => $"PackageReference:{p}"), references);
    }
}
