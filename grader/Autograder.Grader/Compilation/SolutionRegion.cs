namespace Autograder.Grader.Compilation;

/// <summary>A <c>// BEGIN SOLUTION part</c> ... <c>// END SOLUTION</c> region; lines are 0-based, markers included.</summary>
public sealed record SolutionRegion(string Part, int BeginLine, int EndLine);
