namespace Autograder.Grader.Checks;

/// <summary>The reference itself failed a call or the check is misconfigured: a fault of the rubric or grader, never the student's.</summary>
internal sealed class RubricError(string message) : Exception(message);
