namespace NeuralNet.Training;

/// <summary>
/// HW3 3.1's early-stopping rule: with patience k, stop once the validation accuracy has not improved for
/// k epochs in a row. "Improved" means strictly higher than the best so far, so a tie does not reset the count.
/// </summary>
public sealed class EarlyStopping
{
    /// <summary>Creates the rule.</summary>
    /// <param name="patience">k, at least 1; null never fires (only the best epoch is tracked)</param>
    public EarlyStopping(int? patience)
    {
        if (patience is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(patience), patience, "EarlyStopping: patience must be at least 1 (or null for none).");
        }

        Patience = patience;
    }

    /// <summary>k, or null for none.</summary>
    public int? Patience { get; }

    /// <summary>1-based epoch of the best validation accuracy so far (0 before the first epoch).</summary>
    public int BestEpoch { get; private set; }

    /// <summary>The best validation accuracy so far.</summary>
    public double BestValue { get; private set; } = double.NegativeInfinity;

    /// <summary>Epochs since the last improvement.</summary>
    public int EpochsWithoutImprovement { get; private set; }

    /// <summary>Records one epoch's validation accuracy.</summary>
    /// <param name="epoch">1-based epoch number</param>
    /// <param name="value">validation accuracy</param>
    /// <returns>true when the value is a new best (the caller snapshots the weights)</returns>
    public bool Observe(int epoch, double value)
    {
        if (value > BestValue)
        {
            BestValue = value;
            BestEpoch = epoch;
            EpochsWithoutImprovement = 0;
            return true;
        }

        EpochsWithoutImprovement++;
        return false;
    }

    /// <summary>True once the validation accuracy has gone <see cref="Patience"/> epochs without improving.</summary>
    public bool ShouldStop => Patience is { } k && EpochsWithoutImprovement >= k;
}
