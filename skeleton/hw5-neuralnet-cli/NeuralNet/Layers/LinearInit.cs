namespace NeuralNet.Layers;

/// <summary>How <see cref="Linear"/> draws its initial W and b; each value follows one seed handout.</summary>
public enum LinearInit
{
    /// <summary>W and b ~ N(0, 0.1^2), i.e. <c>np.random.normal(0, 0.1, size)</c> (HW3 3.1.1, HW6 dnn_misc.py).</summary>
    Normal01,

    /// <summary>W ~ U[-0.1, 0.1], b = 0: Homework 5's RANDOM initialisation.</summary>
    UniformRandom,

    /// <summary>W = 0, b = 0: Homework 5's ZERO initialisation.</summary>
    Zero,

    /// <summary>W = 0.001 * N(0, 1), b = 0: Deep Learning A1's <c>_weight_init</c>.</summary>
    SmallNormal,
}
