namespace Autograder.Grader.Rubrics;

/// <summary>
/// One call written in a rubric check (its <c>setup</c>, <c>reference_values</c> or a <c>functions</c>
/// body): exactly one of <see cref="New"/>, <see cref="Call"/>, <see cref="Get"/> or <see cref="Set"/>, with argument
/// tokens as in <see cref="CheckSpec.Args"/>. E.g. <c>{call: NeuralNet.Models.Hw3.Hw3Network.ForwardPass, args: [$m, $x, $y]}</c>
/// or <c>{call: $x.MatMul, args: [$w], bind: z}</c>.
/// </summary>
public sealed record CallSpec
{
    /// <summary>A type to construct, e.g. <c>NeuralNet.Losses.SoftmaxCrossEntropy</c>.</summary>
    public string? New { get; init; }

    /// <summary>A static method <c>Namespace.Type.Method</c> or an instance method <c>$name.Method</c>.</summary>
    public string? Call { get; init; }

    /// <summary>A member of a bound object, <c>$name.Member</c>.</summary>
    public string? Get { get; init; }

    /// <summary>A member of a bound object to set to <c>args[0]</c>, e.g. <c>{set: $net.Training, args: [false]}</c>.</summary>
    public string? Set { get; init; }

    public List<string> Args { get; init; } = [];

    /// <summary>Name the result is bound under (then <c>$name</c> in later tokens).</summary>
    public string? Bind { get; init; }

    /// <summary>In <c>reference_values</c>: token name to member of the result, each sent to both sides as a value (e.g. <c>a1: A1</c>).</summary>
    public Dictionary<string, string>? Values { get; init; }
}
