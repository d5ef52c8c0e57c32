namespace Autograder.Grader.Written.Expressions;

/// <summary>
/// A function answers may call (or, when <see cref="HostOnly"/>, only the question bank's binding
/// generators may call). <see cref="Signature"/> and <see cref="Summary"/> are shown in the kit.
/// </summary>
public sealed record FunctionSpec(
    string Name,
    int MinArgs,
    int MaxArgs,
    string Signature,
    string Summary,
    bool HostOnly,
    Func<ExprValue[], FunctionContext, ExprValue> Apply);
