namespace Autograder.Grader.Batch;

/// <summary>
/// One student's submission in a batch folder: a sub-folder or a <c>.zip</c> named after the student.
/// <see cref="Problem"/> is set when it cannot be graded as given (e.g. both <c>alice/</c> and
/// <c>alice.zip</c>); the student still gets a row saying so.
/// </summary>
public sealed record BatchSubmission(string Student, string Path, string? Problem = null);
