namespace Autograder.Grader.Written.Bank;

/// <summary>The question bank is malformed: the message names the file, the problem or question and what is wrong.</summary>
public sealed class QuestionBankException(string message, Exception? inner = null) : Exception(message, inner);
