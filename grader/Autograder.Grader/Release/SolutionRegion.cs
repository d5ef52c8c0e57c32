namespace Autograder.Grader.Release;

/// <summary>
/// One <c>// BEGIN SOLUTION part</c> ... <c>// END SOLUTION</c> region of a reference source file.
/// Lines are 1-based and refer to the original file.
/// </summary>
/// <param name="Part">the part id, e.g. <c>linear.backward</c></param>
/// <param name="File">the file the region was read from (as given to the scanner)</param>
/// <param name="TodoLine">the <c>// TASK(part): ...</c> line that introduces the region</param>
/// <param name="BeginLine">the <c>// BEGIN SOLUTION part</c> line</param>
/// <param name="EndLine">the <c>// END SOLUTION</c> line</param>
/// <param name="Instruction">the one-line instruction after <c>TASK(part):</c></param>
/// <param name="Indent">the leading whitespace of the BEGIN line, reused for the stub</param>
public sealed record SolutionRegion(
    string Part,
    string File,
    int TodoLine,
    int BeginLine,
    int EndLine,
    string Instruction,
    string Indent);
