namespace Autograder.Worker.Protocol;

/// <summary>An exception thrown while serving a request: its type's full name, message and stack.</summary>
internal sealed record WireError(string Type, string Message, string? StackTrace = null);
