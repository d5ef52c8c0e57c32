namespace Autograder.Grader.Written.Bank;

/// <summary>
/// How a problem's random bindings are generated: <see cref="Let"/> defines each variable in order
/// by an expression (draws such as <c>Normal(0, 1)</c>, or formulas of earlier variables such as
/// <c>x1*w1 + x2*w2</c>); a binding is kept only when every <see cref="Require"/> condition holds
/// (e.g. away from ReLU's kink); each <see cref="Cover"/> condition, and each question case, must
/// hold on a few kept bindings (e.g. every sign pattern of a1, a2).
/// </summary>
public sealed record BindingSpec
{
    public Dictionary<string, string> Let { get; init; } = [];

    public List<string> Require { get; init; } = [];

    public List<string> Cover { get; init; } = [];
}
