namespace NeuralNet.Experiments;

/// <summary>
/// One setting varied over a list of values; <c>{value}</c> in the experiment's name is replaced by each
/// value as written in the YAML, e.g. name "MLP_lr0.01_b{value}" with batch sizes 5, 50 gives "MLP_lr0.01_b5", "MLP_lr0.01_b50".
/// </summary>
public sealed record SweepConfig
{
    /// <summary>The setting, as its YAML path: one of <see cref="ExperimentLoader.SweepKeys"/>, e.g. "training.batch_size".</summary>
    public string Key { get; init; } = "";

    /// <summary>The values, as YAML scalars.</summary>
    public string[] Values { get; init; } = [];
}
