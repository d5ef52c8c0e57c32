using System.Diagnostics;
using NeuralNet.Data;
using NeuralNet.Losses;
using NeuralNet.Optimizers;

namespace NeuralNet.Training;

/// <summary>
/// The mini-batch training loop shared by the seeds: each epoch shuffles the training set with a seeded
/// generator, takes one optimiser step per batch, then measures train/validation accuracy and loss with
/// dropout off, applies early stopping (HW3 3.1) and keeps the weights of the best validation epoch,
/// which are restored at the end and scored on the test set.
/// </summary>
/// <remarks>
/// The library never prints: front ends subscribe to <see cref="BatchCompleted"/> and <see cref="EpochCompleted"/>.
/// </remarks>
public sealed class Trainer
{
    private readonly ITrainableModel _model;
    private readonly IOptimizer _optimizer;
    private readonly Action<double>? _setLearningRate;
    private readonly SoftmaxCrossEntropy _loss = new();

    /// <summary>Creates the trainer.</summary>
    /// <param name="model">the network</param>
    /// <param name="optimizer">updates the parameters after each backward pass</param>
    /// <param name="options">epochs, batch size, seed, patience, quick-mode limits</param>
    /// <param name="schedule">learning rate per epoch; null keeps the optimiser's own</param>
    /// <param name="setLearningRate">applies the schedule's rate to the optimiser (required with a schedule)</param>
    public Trainer(ITrainableModel model, IOptimizer optimizer, TrainingOptions options, LearningRateSchedule? schedule = null, Action<double>? setLearningRate = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (schedule is not null && setLearningRate is null)
        {
            throw new ArgumentException("Trainer: a learning-rate schedule needs setLearningRate to apply it.", nameof(setLearningRate));
        }

        _model = model;
        _optimizer = optimizer;
        Options = options;
        Schedule = schedule;
        _setLearningRate = setLearningRate;
    }

    /// <summary>Raised after every optimiser step.</summary>
    public event EventHandler<BatchProgress>? BatchCompleted;

    /// <summary>Raised after every epoch's evaluation.</summary>
    public event EventHandler<EpochResult>? EpochCompleted;

    /// <summary>The options this trainer runs with.</summary>
    public TrainingOptions Options { get; }

    /// <summary>The learning-rate schedule, if any.</summary>
    public LearningRateSchedule? Schedule { get; }

    /// <summary>Trains the model.</summary>
    /// <param name="train">training examples, X shape (N, D)</param>
    /// <param name="validation">validation examples for early stopping and the best epoch</param>
    /// <param name="test">test examples scored with the best epoch's weights; null to skip</param>
    /// <param name="cancellationToken">stops between batches</param>
    /// <returns>per-epoch measurements, the best epoch, and the test accuracy there</returns>
    public TrainingHistory Run(Dataset train, Dataset validation, Dataset? test = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        var sampler = new MiniBatchSampler(train, Options.BatchSize, Options.DropLast, Options.Shuffle, new Rng(Options.Seed));
        var batches = Math.Min(sampler.BatchesPerEpoch, Options.MaxBatchesPerEpoch ?? int.MaxValue);
        if (batches == 0)
        {
            throw new ArgumentException($"Trainer: {train.Count} training examples make no batch of {Options.BatchSize} with DropLast set.", nameof(train));
        }

        var stopping = new EarlyStopping(Options.Patience);
        var best = new ParameterSnapshot(_model.Parameters);
        var epochs = new List<EpochResult>(Options.Epochs);
        int? stopEpoch = null;
        var earlyStopped = false;
        long updates = 0;

        // The steps' large arrays (a CNN's activations) are recycled from epoch to epoch; the evaluation between
        // epochs allocates its own.
        var arrays = StepArrays.Create();
        for (var epoch = 1; epoch <= Options.Epochs; epoch++)
        {
            double? learningRate = Schedule?.At(epoch);
            if (Schedule is not null)
            {
                _setLearningRate!(learningRate!.Value);
            }

            var seconds = TrainEpoch(sampler, epoch, batches, arrays, cancellationToken);
            updates += batches;
            var result = Measure(epoch, train, validation, test, learningRate, seconds, batches);
            epochs.Add(result);
            if (stopping.Observe(epoch, result.ValAccuracy))
            {
                best.Capture();
            }

            EpochCompleted?.Invoke(this, result);
            if (stopEpoch is null && stopping.ShouldStop)
            {
                stopEpoch = epoch;
                if (Options.EarlyStopping && epoch < Options.Epochs)
                {
                    earlyStopped = true;
                    break;
                }
            }
        }

        best.Restore();
        double? testAccuracy = null;
        double? testLoss = null;
        if (test is not null)
        {
            (testAccuracy, testLoss) = Evaluator.Evaluate(_model, test, Options.EvaluationRows, Options.MaxEvaluationExamples);
        }

        return new TrainingHistory(epochs, stopping.BestEpoch, stopEpoch, earlyStopped, testAccuracy, testLoss, updates);
    }

    private double TrainEpoch(MiniBatchSampler sampler, int epoch, int batches, StepArrays arrays, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        sampler.NextEpoch();
        using var collector = new StepCollector(arrays);
        for (var b = 0; b < batches; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (x, y) = sampler.Batch(b);
            var logits = _model.Forward(x, training: true); // (B, K)

            // The loss value itself is not needed for the step; epoch losses come from the evaluation pass.
            _model.Backward(_loss.Backward(logits, y));
            _optimizer.Step(_model.Parameters);
            collector.StepDone();
            BatchCompleted?.Invoke(this, new BatchProgress(epoch, Options.Epochs, b + 1, batches));
        }

        collector.Finish();
        return clock.Elapsed.TotalSeconds;
    }

    private EpochResult Measure(int epoch, Dataset train, Dataset validation, Dataset? test, double? learningRate, double seconds, int batches)
    {
        var (trainAccuracy, trainLoss) = Evaluator.Evaluate(_model, train, Options.EvaluationRows, Options.MaxEvaluationExamples);
        var (valAccuracy, valLoss) = Evaluator.Evaluate(_model, validation, Options.EvaluationRows, Options.MaxEvaluationExamples);
        double? testAccuracy = Options.TestEveryEpoch && test is not null
            ? Evaluator.Evaluate(_model, test, Options.EvaluationRows, Options.MaxEvaluationExamples).Accuracy
            : null;
        return new EpochResult(epoch, trainAccuracy, trainLoss, valAccuracy, valLoss, testAccuracy, learningRate, seconds, batches);
    }
}
