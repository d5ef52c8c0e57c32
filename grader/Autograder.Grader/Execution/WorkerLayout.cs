namespace Autograder.Grader.Execution;

/// <summary>
/// The per-grading folders a worker sees: <c>worker/</c> (the worker's own three files, copied, so
/// nothing beside them — such as the reference library — is reachable), <c>lib/</c> (the student
/// build and its package dependencies) and <c>scratch/</c> (the worker's working folder: under the full sandbox a private size-capped tmpfs at
/// that path, which the host never reads; the worker hands files over through the protocol).
/// </summary>
internal sealed record WorkerLayout(string WorkerDirectory, string LibraryDirectory, string ScratchDirectory, string LibraryPath)
{
    public string WorkerDll => Path.Combine(WorkerDirectory, "autograder-worker.dll");

    /// <summary>The compiled seccomp filter bubblewrap loads (beside the three folders, not inside the sandbox).</summary>
    public string SeccompPath => Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(WorkerDirectory))!, "seccomp.bpf");

    /// <summary>Lays out <paramref name="workDir"/> for the student build at <paramref name="libraryPath"/> (already inside workDir/lib).</summary>
    public static WorkerLayout Create(string workDir, string libraryPath)
    {
        var worker = Directory.CreateDirectory(Path.Combine(workDir, "worker")).FullName;
        var scratch = Directory.CreateDirectory(Path.Combine(workDir, "scratch")).FullName;
        var source = WorkerLocator.Locate();
        // Roslyn (Microsoft.CodeAnalysis*.dll) compiles written answers inside the worker (Written/AnswerCompiler).
        var roslyn = Directory.EnumerateFiles(source, "Microsoft.CodeAnalysis*.dll").Select(Path.GetFileName).OfType<string>();
        foreach (var file in new[] { "autograder-worker.dll", "autograder-worker.runtimeconfig.json", "autograder-worker.deps.json" }.Concat(roslyn))
        {
            var from = Path.Combine(source, file);
            if (File.Exists(from))
            {
                File.Copy(from, Path.Combine(worker, file), overwrite: true);
            }
        }

        return new WorkerLayout(worker, Path.GetDirectoryName(Path.GetFullPath(libraryPath))!, scratch, Path.GetFullPath(libraryPath));
    }
}
