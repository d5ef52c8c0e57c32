namespace NeuralNet.Transformer;

/// <summary>Which part of the text a batch is drawn from: the first 90% (train) or the rest.</summary>
public enum ShakespeareSplit
{
    /// <summary>The first 90% of the characters.</summary>
    Train,

    /// <summary>The last 10% of the characters.</summary>
    Validation,
}
