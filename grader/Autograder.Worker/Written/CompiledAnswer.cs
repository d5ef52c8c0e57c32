namespace Autograder.Worker.Written;

/// <summary>A compiled answer: a delegate to run per binding, or why it did not compile.</summary>
internal sealed record CompiledAnswer(string Id, Func<AnswerGlobals, object>? Run, CompileFailure? Failure, double CompileMs);

/// <summary>A compile refusal: the 1-based position in the answer and the reason.</summary>
internal sealed record CompileFailure(int Position, string Message);
