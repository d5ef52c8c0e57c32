namespace NeuralNet.Training;

/// <summary>The outcome of <see cref="Trainer.Run"/>.</summary>
/// <param name="Epochs">one entry per epoch trained, in order</param>
/// <param name="BestEpoch">1-based epoch with the highest validation accuracy (the first one on ties)</param>
/// <param name="StopEpoch">epoch at which the patience rule fired (whether or not training stopped there); null if it never did</param>
/// <param name="EarlyStopped">true when training ended before the last epoch because of the patience rule</param>
/// <param name="TestAccuracy">test accuracy of the model at <paramref name="BestEpoch"/> (the weights are restored to it); null without a test split</param>
/// <param name="TestLoss">test mean cross-entropy at the best epoch; null without a test split</param>
/// <param name="Updates">optimiser steps over the whole run</param>
public sealed record TrainingHistory(
    IReadOnlyList<EpochResult> Epochs,
    int BestEpoch,
    int? StopEpoch,
    bool EarlyStopped,
    double? TestAccuracy,
    double? TestLoss,
    long Updates);
