namespace Autograder.Grader.Written.Grading;

/// <summary>One scored case of a question: whether the answer matched on all its bindings.</summary>
public sealed record CaseOutcome(string Name, bool Passed, double Points, double MaxPoints, int Bindings);
