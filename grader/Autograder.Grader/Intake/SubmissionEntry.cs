namespace Autograder.Grader.Intake;

/// <summary>One file of a submission before matching: its path inside the submission (forward slashes) and a way to read it.</summary>
internal sealed record SubmissionEntry(string Path, long DeclaredLength, Func<Stream> Open);
