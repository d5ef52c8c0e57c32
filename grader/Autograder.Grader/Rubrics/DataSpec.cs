namespace Autograder.Grader.Rubrics;

/// <summary>
/// accuracy: which shipped data set the host loads (<c>data/&lt;dataset&gt;</c>) and how many examples of each
/// split it uses. The worker gets the training examples and the test images; the test labels stay on the host.
/// </summary>
public sealed record DataSpec
{
    /// <summary>A data set id of <c>NeuralNet.Data.DataStore</c>, e.g. <c>mnist</c> or <c>fashion-mnist</c>.</summary>
    public string Dataset { get; init; } = "";

    /// <summary>Training examples (the first ones of the training split).</summary>
    public int Train { get; init; } = 1000;

    /// <summary>Held-out examples (the first ones of the test split).</summary>
    public int Test { get; init; } = 500;
}
