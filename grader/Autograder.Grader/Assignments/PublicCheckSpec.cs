namespace Autograder.Grader.Assignments;

/// <summary>A public check shipped in the kit as an xunit test tagged with its rubric item and points.</summary>
/// <param name="Part">the part id the check exercises (also selects the kit test template)</param>
/// <param name="Item">the rubric item, e.g. <c>3.1.1</c></param>
/// <param name="Points">points the public check is worth (0 for checks of provided parts)</param>
public sealed record PublicCheckSpec(string Part, string Item, double Points);
