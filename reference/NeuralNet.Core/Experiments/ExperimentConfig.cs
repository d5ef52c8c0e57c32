namespace NeuralNet.Experiments;

/// <summary>
/// One training run, as written in <c>reference/experiments/&lt;assignment&gt;/*.yaml</c>. Keys are
/// snake_case in YAML (<c>batch_size</c>); every default below is the seed's starter-code default.
/// </summary>
public sealed record ExperimentConfig
{
    /// <summary>The log's file name without ".json", exactly as the handout names it, e.g. "MLP_lr0.01_b5". Required.</summary>
    public string Name { get; init; } = "";

    /// <summary>The assignment the run belongs to, e.g. "hw3-fashion-mlp". Required.</summary>
    public string Assignment { get; init; } = "";

    /// <summary>Free text shown in <c>reference/experiments/README.md</c> and echoed in the log.</summary>
    public string Description { get; init; } = "";

    /// <summary>Seed of every generator of the run (initial weights, shuffling, dropout masks); HW3/HW6 use 42.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Which data set and how to get a validation split.</summary>
    public DataConfig Data { get; init; } = new();

    /// <summary>Which network.</summary>
    public ModelConfig Model { get; init; } = new();

    /// <summary>How the parameters are updated.</summary>
    public OptimizerConfig Optimizer { get; init; } = new();

    /// <summary>Epochs, batch size, early stopping.</summary>
    public TrainingConfig Training { get; init; } = new();

    /// <summary>HW3 3.1.5's gradient and magnitude checks, run before training.</summary>
    public ChecksConfig Checks { get; init; } = new();

    /// <summary>
    /// Extra test sets scored with the best weights (HW3 3.5): "shift_up_4" (moved up 4 pixels),
    /// "rotate_90", "rotate_180", "rotate_270". Empty: only the plain test set.
    /// </summary>
    public string[] TestSets { get; init; } = [];

    /// <summary>Runs the experiment once per value of one setting (HW3 3.2's batch sizes, 3.4's alphas); null runs it once.</summary>
    public SweepConfig? Sweep { get; init; }
}
