namespace Autograder.Grader.Batch;

/// <summary>A rubric item as a gradebook column: id, title, points, who sees it, whether it is extra credit and whether the staff grade it by hand.</summary>
public sealed record ManifestItem(string Id, string Title, double Points, string Visibility, bool Bonus = false, bool Manual = false);
