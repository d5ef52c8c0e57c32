namespace Autograder.Grader.Written.Expressions;

/// <summary>An expression could not be evaluated (wrong kind of argument, shapes that do not fit).</summary>
public sealed class EvaluationException(string message) : Exception(message);
