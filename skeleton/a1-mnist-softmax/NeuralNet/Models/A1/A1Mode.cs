namespace NeuralNet.Models.A1;

/// <summary>A1's <c>mode</c> argument: gradients are computed only in <see cref="Train"/>.</summary>
public enum A1Mode
{
    /// <summary>Compute the loss, the accuracy and every gradient.</summary>
    Train,

    /// <summary>Compute the loss and the accuracy only (validation and test batches).</summary>
    Valid,
}
