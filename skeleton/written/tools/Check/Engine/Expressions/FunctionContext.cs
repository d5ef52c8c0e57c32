using NeuralNet;

namespace Autograder.Grader.Written.Expressions;

/// <summary>What a function may use besides its arguments: the generator's random stream (host only).</summary>
public sealed record FunctionContext(Rng? Rng)
{
    public static readonly FunctionContext None = new((Rng?)null);

    public Rng RequireRng(string function) =>
        Rng ?? throw new InvalidOperationException($"{function}: random draws are only allowed in a problem's bindings");
}
