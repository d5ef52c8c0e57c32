namespace Autograder.Grader.Gradescope;

/// <summary>
/// How to build a Gradescope bundle: the course, the assignment, the zip to write, and where the grader
/// binaries come from: a fresh <c>dotnet publish</c> of the CLI and the worker (the default), or
/// <see cref="Binaries"/>, a folder that already holds both (copied into bin/cli and bin/worker), or
/// none at all (<see cref="IncludeBinaries"/> false, for tests that point the scripts at their own build).
/// </summary>
public sealed record BundleOptions(string CourseRoot, string AssignmentId, string OutputZip)
{
    public string? Binaries { get; init; }

    public bool IncludeBinaries { get; init; } = true;

    /// <summary>Bake <c>--no-sandbox</c> into run_autograder: for Gradescope images whose container forbids user namespaces.</summary>
    public bool AllowUnsandboxed { get; init; }

    public string Configuration { get; init; } = "Release";

    /// <summary>The runtime the CLI is precompiled (ReadyToRun) for: Gradescope's image is linux-x64.</summary>
    public string ReadyToRunRuntime { get; init; } = "linux-x64";

    /// <summary>Progress lines (publish steps, files added).</summary>
    public Action<string>? Log { get; init; }
}
