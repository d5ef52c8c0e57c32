namespace Autograder.Grader.Assignments;

/// <summary>
/// An optional extension of an assignment (profile <c>extensions:</c>): parts and files an instructor switches on or off
/// with one flag. On, they join the profile's parts and files. Off, the kit ships those regions solved (provided code),
/// the public checks of its parts are left out, and the rubric's items that grade its parts are dropped when the rubric
/// is read (<see cref="Rubrics.RubricLoader"/>).
/// </summary>
/// <param name="Id">a name for the extension, e.g. <c>transformer-parts</c></param>
/// <param name="Enabled">whether students implement it</param>
/// <param name="Parts">its part ids</param>
/// <param name="Files">the files students then edit and submit</param>
public sealed record ExtensionSpec(string Id, bool Enabled, IReadOnlyList<string> Parts, IReadOnlyList<string> Files);
