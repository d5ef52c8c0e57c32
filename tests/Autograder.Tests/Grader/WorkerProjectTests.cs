using System.Xml.Linq;
using Autograder.Grader.Execution;

namespace Autograder.Tests.Grader;

public sealed class WorkerProjectTests
{
    [Fact]
    public void WorkerProject_ReferencesNoProjectOrPackage()
    {
        var root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;
        var project = XDocument.Load(Path.Combine(root, "grader", "Autograder.Worker", "Autograder.Worker.csproj"));

        var references = project.Descendants().Where(e => e.Name.LocalName is "ProjectReference" or "PackageReference" or "Reference").ToList();

        Assert.Empty(references);
    }
}
