namespace NeuralNet.Training;

/// <summary>Raised after each optimiser step so a front end can draw a progress bar (the library itself never prints).</summary>
/// <param name="Epoch">1-based epoch number</param>
/// <param name="Epochs">epochs planned</param>
/// <param name="Batch">1-based batch number within the epoch</param>
/// <param name="Batches">batches in this epoch</param>
public readonly record struct BatchProgress(int Epoch, int Epochs, int Batch, int Batches);
