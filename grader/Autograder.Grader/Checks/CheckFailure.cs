namespace Autograder.Grader.Checks;

/// <summary>A case's verdict when the submission answered but wrongly (shape, value, NaN, mutation); the message is the student's.</summary>
internal sealed class CheckFailure(string message) : Exception(message);
