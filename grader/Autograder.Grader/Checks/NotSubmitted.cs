namespace Autograder.Grader.Checks;

/// <summary>A deliverable the check needs (a log, an output) is not in the submission: the check is <c>not_implemented</c>, not failed.</summary>
internal sealed class NotSubmitted(string message) : Exception(message);
