namespace Autograder.Grader.Batch;

/// <summary>A rubric item as a gradebook column: id, title, points, who sees it, and whether it is extra credit.</summary>
public sealed record ManifestItem(string Id, string Title, double Points, string Visibility, bool Bonus = false);
