namespace Autograder.Grader.Release;

/// <summary>Where release reads its inputs: the reference library, the kit templates, the profiles and the data.</summary>
/// <param name="Root">the repository root (the folder holding <c>Autograder.sln</c>)</param>
public sealed record RepositoryLayout(string Root)
{
    /// <summary>The course modules (reference/NeuralNet), with the reference solution.</summary>
    public string ReferenceLibrary => Path.Combine(Root, "reference", "NeuralNet");

    /// <summary>NeuralNet.Core's sources (reference/NeuralNet.Core); kits and the grader use it compiled.</summary>
    public string Core => Path.Combine(Root, "reference", "NeuralNet.Core");

    public string KitTemplate => Path.Combine(Root, "grader", "KitTemplate");

    public string Rubrics => Path.Combine(Root, "rubrics");

    public string Data => Path.Combine(Root, "data");

    public string Skeleton => Path.Combine(Root, "skeleton");

    /// <summary>Whether a relative path (forward slashes) lies in a build output folder (<c>bin/</c>, <c>obj/</c>), which release never copies.</summary>
    public static bool IsBuildOutput(string relative) => relative.Split('/').Any(s => s is "bin" or "obj");

    /// <summary>Finds the repository root at or above a folder.</summary>
    /// <param name="start">a folder inside the repository</param>
    public static RepositoryLayout Find(string start) =>
        Execution.CourseRootFinder.TryFind(start) is { } root
            ? new RepositoryLayout(root)
            : throw new DirectoryNotFoundException($"no Autograder.sln at or above {start}; run from inside the repository or pass --course-root");
}
