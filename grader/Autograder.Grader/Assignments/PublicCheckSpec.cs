namespace Autograder.Grader.Assignments;

/// <summary>A public check shipped in the kit as an xunit test tagged with its rubric item and points.</summary>
/// <param name="Part">the part id the check exercises (also selects the kit test template)</param>
/// <param name="Item">the rubric item, e.g. <c>3.1.1</c></param>
/// <param name="Points">points the public check is worth (0 for checks of provided parts)</param>
/// <param name="Template">the kit test template when it is not named after the part (several checks of one part)</param>
public sealed record PublicCheckSpec(string Part, string Item, double Points, string? Template = null)
{
    /// <summary>The kit test template's name (grader/KitTemplate/checks/NAME.cs): <see cref="Template"/>, else the part.</summary>
    public string TemplateName => Template ?? Part;
}
