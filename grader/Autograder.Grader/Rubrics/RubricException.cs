namespace Autograder.Grader.Rubrics;

/// <summary>A malformed rubric: the message names the file, the YAML path and the line.</summary>
public sealed class RubricException(string message, Exception? inner = null) : Exception(message, inner);
