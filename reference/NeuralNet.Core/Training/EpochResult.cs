namespace NeuralNet.Training;

/// <summary>What one epoch measured (accuracies in [0, 1], losses are mean cross-entropy, dropout off).</summary>
/// <param name="Epoch">1-based epoch number</param>
/// <param name="TrainAccuracy">accuracy on the training split after the epoch</param>
/// <param name="TrainLoss">mean cross-entropy on the training split after the epoch</param>
/// <param name="ValAccuracy">accuracy on the validation split</param>
/// <param name="ValLoss">mean cross-entropy on the validation split</param>
/// <param name="TestAccuracy">accuracy on the test split, when measured every epoch</param>
/// <param name="LearningRate">the step size used during the epoch; null when the trainer has no schedule</param>
/// <param name="Seconds">wall-clock time of the epoch's training pass (evaluation excluded)</param>
/// <param name="Updates">optimiser steps taken during the epoch</param>
public sealed record EpochResult(
    int Epoch,
    double TrainAccuracy,
    double TrainLoss,
    double ValAccuracy,
    double ValLoss,
    double? TestAccuracy,
    double? LearningRate,
    double Seconds,
    int Updates);
