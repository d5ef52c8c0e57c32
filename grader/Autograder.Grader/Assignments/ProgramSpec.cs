namespace Autograder.Grader.Assignments;

/// <summary>A provided program the kit ships under <c>tools/&lt;folder&gt;/</c>, built on the student's library.</summary>
/// <param name="Path">the program's project folder, relative to the repository root, e.g. <c>reference/NeuralNetCli</c></param>
/// <param name="Example">the arguments of an example run for the student README (paths inside the kit)</param>
public sealed record ProgramSpec(string Path, string Example);
