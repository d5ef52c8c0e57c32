using Microsoft.CodeAnalysis.CSharp;

namespace Autograder.Grader.Compilation;

/// <summary>
/// The student build: where it was written (null when even the fallback failed), the student files
/// that did not compile with their errors (those were replaced by their stubs), and the final
/// compilation (used by the policy walk over the student's trees).
/// </summary>
public sealed record CompileResult(
    string? AssemblyPath,
    IReadOnlyDictionary<string, IReadOnlyList<CompileDiagnostic>> FailedFiles,
    IReadOnlyList<CompileDiagnostic> FatalErrors,
    CSharpCompilation Compilation,
    IReadOnlySet<string> StudentFiles);
