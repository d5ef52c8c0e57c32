using NeuralNet.Data;
using NeuralNet.Training;

namespace NeuralNet.Experiments;

/// <summary>
/// Runs one <see cref="ExperimentConfig"/>: picks the splits, builds the network and optimiser from the
/// seed, runs the requested checks, trains, scores the extra test sets and returns the log. Never prints;
/// subscribe to the events for progress.
/// </summary>
public sealed class ExperimentRunner
{
    private readonly CourseCatalog _catalog;

    /// <summary>A runner over the modules of <see cref="CourseCatalog.Default"/>.</summary>
    public ExperimentRunner()
        : this(CourseCatalog.Default)
    {
    }

    /// <summary>A runner over the models, optimisers and checks of <paramref name="catalog"/>.</summary>
    /// <param name="catalog">what the experiment may name</param>
    public ExperimentRunner(CourseCatalog catalog) => _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));

    /// <summary>Examples in the batch the gradient checks use (the first ones of the training split).</summary>
    public const int GradientCheckBatch = 5;

    /// <summary>HW3's magnitude-check batch sizes.</summary>
    public static readonly IReadOnlyList<int> MagnitudeBatchSizes = [50, 5000];

    /// <summary>
    /// Throwaway steps of NeuralNet.Core's own step code to run on a background thread during the set-up, so the first
    /// epoch does not compile the training step's code (see <c>StepWarmUp</c>; no module's code runs there); 0, the
    /// default, runs none (the grader). <c>autograder train</c> and a kit's tools/Run set it.
    /// </summary>
    public int WarmUpSteps { get; init; }

    /// <summary>
    /// The <see cref="WarmUpSteps"/> that <c>autograder train</c> and a kit's tools/Run use: a little above the runtime's
    /// 30 calls after which a method is queued for optimised code, so the step's methods are optimised before the first
    /// epoch when the set-up lasts long enough.
    /// </summary>
    public const int TrainingWarmUpSteps = 32;

    /// <summary>Steps the last <see cref="Run"/>'s warm-up took (tests).</summary>
    internal int LastWarmUpSteps { get; private set; }

    /// <summary>Wait for all <see cref="WarmUpSteps"/> before training instead of stopping them (tests: the steps then run beside the checks).</summary>
    internal bool FinishWarmUpBeforeTraining { get; init; }

    /// <summary>Raised after each optimiser step.</summary>
    public event EventHandler<BatchProgress>? BatchCompleted;

    /// <summary>Raised after each epoch.</summary>
    public event EventHandler<EpochResult>? EpochCompleted;

    /// <summary>Raised once the checks have run (only when the experiment asks for any).</summary>
    public event EventHandler<ChecksReport>? ChecksCompleted;

    /// <summary>The config with the settings applied: the epoch override, quick mode's epoch cap.</summary>
    /// <param name="config">the experiment</param>
    /// <param name="settings">the command-line adjustments</param>
    /// <returns>the experiment as it will run</returns>
    public static ExperimentConfig Effective(ExperimentConfig config, RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(settings);
        var epochs = settings.Epochs ?? (settings.Quick ? Math.Min(config.Training.Epochs, RunSettings.QuickEpochs) : config.Training.Epochs);
        return config with { Training = config.Training with { Epochs = epochs } };
    }

    /// <summary>Runs the experiment.</summary>
    /// <param name="config">the experiment (one sweep value already applied)</param>
    /// <param name="data">the data set's train/validation/test splits</param>
    /// <param name="settings">quick mode and overrides</param>
    /// <param name="cancellationToken">stops between batches</param>
    /// <returns>the log to write</returns>
    public TrainingLog Run(ExperimentConfig config, DataSplits data, RunSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        config = Effective(config, settings);
        var (train, validation) = config.Data.Validation == "split"
            ? TrainValSplit.Split(data.Train, config.Data.TrainFraction)
            : (data.Train, data.Validation);

        // Separate streams for the weights, the shuffling and the checks, all derived from the one seed.
        var master = new Rng(config.Seed);
        var model = _catalog.CreateModel(config.Model, master.Fork(), train.Features, train.NumClasses);
        var shuffleSeed = master.NextUInt64();
        var checkRng = master.Fork();

        var warmUp = WarmUpSteps > 0 ? StepWarmUp.StartLibraryOnly(train, config.Training.BatchSize, WarmUpSteps) : null;
        try
        {
            return Train(config, data, settings, model, train, validation, shuffleSeed, checkRng, warmUp, cancellationToken);
        }
        finally
        {
            warmUp?.Join();
            LastWarmUpSteps = warmUp?.StepsTaken ?? 0;
        }
    }

    private TrainingLog Train(ExperimentConfig config, DataSplits data, RunSettings settings, LayerChain model, Dataset train, Dataset validation,
        ulong shuffleSeed, Rng checkRng, StepWarmUp? warmUp, CancellationToken cancellationToken)
    {
        var checks = RunChecks(config.Checks, model, train, checkRng);
        var (optimizer, setLearningRate) = _catalog.CreateOptimizer(config.Optimizer);
        var o = config.Optimizer;
        var options = new TrainingOptions
        {
            Epochs = config.Training.Epochs,
            BatchSize = config.Training.BatchSize,
            Seed = shuffleSeed,
            DropLast = config.Training.DropLast,
            Patience = config.Training.Patience,
            EarlyStopping = config.Training.EarlyStopping,
            TestEveryEpoch = config.Training.TestEveryEpoch,
            MaxBatchesPerEpoch = settings.Quick ? RunSettings.QuickBatches : null,
            MaxEvaluationExamples = settings.Quick ? RunSettings.QuickEvaluationExamples : null,
        };
        var trainer = new Trainer(model, optimizer, options, new LearningRateSchedule(o.LearningRate, o.DecayEvery, o.DecayFactor), setLearningRate);
        trainer.BatchCompleted += (_, p) => BatchCompleted?.Invoke(this, p);
        trainer.EpochCompleted += (_, e) => EpochCompleted?.Invoke(this, e);
        if (FinishWarmUpBeforeTraining)
        {
            warmUp?.Finish();
        }

        warmUp?.Stop();
        var history = trainer.Run(train, validation, data.Test, cancellationToken);

        Dictionary<string, double>? testSets = null;
        if (config.TestSets.Length > 0)
        {
            testSets = config.TestSets.ToDictionary(
                name => name,
                name => Evaluator.Evaluate(model, TestSets.Build(name, data.Test), options.EvaluationRows, options.MaxEvaluationExamples).Accuracy);
        }

        return BuildLog(config, settings, model, history, testSets, checks);
    }

    private ChecksReport? RunChecks(ChecksConfig checks, LayerChain model, Dataset train, Rng rng)
    {
        if (!checks.Gradient && !checks.Magnitude)
        {
            return null;
        }

        var debug = _catalog.DebugChecks ?? throw new NotSupportedException("the experiment asks for gradient or magnitude checks, but no module of this build provides them");
        var batch = Math.Min(GradientCheckBatch, train.Count);
        var gradients = checks.Gradient
            ? debug.Gradients(model, train.Take(batch).X, train.Labels[..batch])
            : [];
        var magnitudes = checks.Magnitude
            ? debug.Magnitudes(model, train, rng, MagnitudeBatchSizes)
            : [];
        var report = new ChecksReport(gradients, magnitudes);
        ChecksCompleted?.Invoke(this, report);
        return report;
    }

    private static TrainingLog BuildLog(ExperimentConfig config, RunSettings settings, LayerChain model, TrainingHistory history, Dictionary<string, double>? testSets, ChecksReport? checks)
    {
        var epochs = history.Epochs;
        return new TrainingLog
        {
            Name = config.Name,
            Assignment = config.Assignment,
            Config = config,
            Seed = config.Seed,
            Quick = settings.Quick,
            Parameters = model.ParameterCount,
            Train = [.. epochs.Select(e => e.TrainAccuracy)],
            Val = [.. epochs.Select(e => e.ValAccuracy)],
            TrainLoss = [.. epochs.Select(e => e.TrainLoss)],
            ValLoss = [.. epochs.Select(e => e.ValLoss)],
            TestCurve = config.Training.TestEveryEpoch ? [.. epochs.Select(e => e.TestAccuracy ?? double.NaN)] : null,
            LearningRate = [.. epochs.Select(e => e.LearningRate ?? config.Optimizer.LearningRate)],
            EpochSeconds = [.. epochs.Select(e => Math.Round(e.Seconds, 4))],
            Updates = history.Updates,
            BestEpoch = history.BestEpoch,
            StopEpoch = history.StopEpoch,
            EarlyStopped = history.EarlyStopped,
            Test = history.TestAccuracy ?? double.NaN,
            TestLoss = history.TestLoss ?? double.NaN,
            TestSets = testSets,
            GradientChecks = checks is { Gradients.Count: > 0 } ? checks.Gradients : null,
            MagnitudeChecks = checks is { Magnitudes.Count: > 0 } ? checks.Magnitudes : null,
        };
    }
}
