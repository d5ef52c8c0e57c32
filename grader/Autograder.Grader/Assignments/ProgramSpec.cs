namespace Autograder.Grader.Assignments;

/// <summary>A provided program the kit ships under <c>tools/&lt;folder&gt;/</c>, built on the student's library.</summary>
/// <param name="Path">the program's project folder, relative to the repository root, e.g. <c>reference/NeuralNetCli</c></param>
/// <param name="Example">the arguments of an example run for the student README (paths inside the kit)</param>
/// <param name="Runs">further runs the handout asks for (its empirical questions), listed in the kit README with their commands</param>
public sealed record ProgramSpec(string Path, string Example, IReadOnlyList<ProgramRun>? Runs = null);

/// <summary>One run of a provided program that the handout asks for.</summary>
/// <param name="Title">what the run is for, e.g. "Q1 (a): 5 hidden units"</param>
/// <param name="Args">its arguments (paths inside the kit)</param>
public sealed record ProgramRun(string Title, string Args);
