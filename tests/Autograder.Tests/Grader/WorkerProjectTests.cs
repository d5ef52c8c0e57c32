using System.Xml.Linq;
using Autograder.Grader.Execution;

namespace Autograder.Tests.Grader;

public sealed class WorkerProjectTests
{
    [Fact]
    public void WorkerProject_ReferencesNoProjectAndOnlyTheScriptingPackage()
    {
        var root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;
        var project = XDocument.Load(Path.Combine(root, "grader", "Autograder.Worker", "Autograder.Worker.csproj"));

        var references = project.Descendants().Where(e => e.Name.LocalName is "ProjectReference" or "PackageReference" or "Reference").ToList();

        // Written answers are compiled in the worker with Roslyn scripting; nothing else may be linked in
        // (above all not the grader, the reference library or the rubric).
        Assert.Equal(["PackageReference:Microsoft.CodeAnalysis.CSharp.Scripting"], references.Select(r => $"{r.Name.LocalName}:{r.Attribute("Include")?.Value}"));
    }
}
