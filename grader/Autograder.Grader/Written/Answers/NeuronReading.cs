namespace Autograder.Grader.Written.Answers;

/// <summary>
/// Reads a neuron answer <c>{ w: [w1, w2], b: bias }</c> into its three texts (w1, w2, b), as the grader and the
/// kit's local check both do; each text is then validated as a constant expression.
/// </summary>
public static class NeuronReading
{
    /// <summary>The named texts of w1, w2 and b, or the reason the answer cannot be read.</summary>
    /// <param name="answer">what the student wrote</param>
    public static (IReadOnlyList<(string Name, string Text)>? Texts, string? Error) Read(StudentAnswer answer)
    {
        if (answer.Fields is not { } fields || !fields.TryGetValue("w", out var w) || !fields.TryGetValue("b", out var b))
        {
            return (null, $"line {answer.Line}: write the weights and the bias as {{ w: [w1, w2], b: bias }}");
        }

        var weights = w.Items ?? (w.Text ?? "").Trim('[', ']', ' ').Split(',', StringSplitOptions.TrimEntries);
        return weights.Count != 2
            ? (null, $"w must hold 2 numbers, found {weights.Count}")
            : ([("w1", weights[0]), ("w2", weights[1]), ("b", b.Text ?? "")], null);
    }
}
