namespace Autograder.Grader.Execution;

/// <summary>Finds the folder holding <c>autograder-worker.dll</c>: AUTOGRADER_WORKER_DIR, beside the grader, or the worker project's build output.</summary>
internal static class WorkerLocator
{
    public static string Locate()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("AUTOGRADER_WORKER_DIR") is { Length: > 0 } fromEnv)
        {
            candidates.Add(fromEnv);
        }

        candidates.Add(AppContext.BaseDirectory);
        if (CourseRootFinder.TryFind(AppContext.BaseDirectory) is { } root)
        {
            var mine = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            foreach (var config in new[] { mine, mine == "Release" ? "Debug" : "Release" })
            {
                candidates.Add(Path.Combine(root, "grader", "Autograder.Worker", "bin", config, "net10.0"));
            }
        }

        return candidates.FirstOrDefault(dir => File.Exists(Path.Combine(dir, "autograder-worker.dll")) && File.Exists(Path.Combine(dir, "autograder-worker.runtimeconfig.json")))
            ?? throw new FileNotFoundException($"autograder-worker.dll was not found; looked in: {string.Join(", ", candidates)}. Build grader/Autograder.Worker or set AUTOGRADER_WORKER_DIR.");
    }
}
