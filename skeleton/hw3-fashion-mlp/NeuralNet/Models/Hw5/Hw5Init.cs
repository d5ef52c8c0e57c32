namespace NeuralNet.Models.Hw5;

/// <summary>Homework 5's <c>init_flag</c> command-line argument.</summary>
public enum Hw5Init
{
    /// <summary>init_flag 1: weights ~ U[-0.1, 0.1], bias terms 0.</summary>
    Random = 1,

    /// <summary>init_flag 2: every weight and bias 0.</summary>
    Zero = 2,
}
