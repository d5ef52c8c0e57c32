namespace NeuralNet.Training;

/// <summary>
/// Step decay of the learning rate. HW6's scripts multiply it by 0.1 at the start of every 10th epoch
/// (<c>if t % _step == 0 and t != 0: _learning_rate *= 0.1</c> with <c>_step = 10</c>); the other seeds keep it constant.
/// </summary>
/// <param name="Initial">eta at epoch 1</param>
/// <param name="DecayEvery">decay period in epochs; null keeps eta constant</param>
/// <param name="DecayFactor">multiplier applied at each decay</param>
public sealed record LearningRateSchedule(double Initial, int? DecayEvery = null, double DecayFactor = 0.1)
{
    /// <summary>eta during a given epoch.</summary>
    /// <param name="epoch">1-based epoch number</param>
    /// <returns>Initial * DecayFactor^floor((epoch - 1) / DecayEvery)</returns>
    public double At(int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epoch, 1);
        return DecayEvery is { } every and > 0 ? Initial * Math.Pow(DecayFactor, (epoch - 1) / every) : Initial;
    }
}
