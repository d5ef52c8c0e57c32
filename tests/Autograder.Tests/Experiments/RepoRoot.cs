namespace Autograder.Tests.Experiments;

/// <summary>The repository's root folder (the one holding Autograder.sln), found from the test binary's folder.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Autograder.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Autograder.sln above {AppContext.BaseDirectory}");
    }
}
