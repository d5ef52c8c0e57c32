namespace Autograder.Grader.Batch;

/// <summary>A rubric item as a gradebook column: id, title, points and who sees it.</summary>
public sealed record ManifestItem(string Id, string Title, double Points, string Visibility);
