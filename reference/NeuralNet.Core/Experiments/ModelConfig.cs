namespace NeuralNet.Experiments;

/// <summary>The network of a run; the modules register the types (<see cref="CourseCatalog"/>).</summary>
public sealed record ModelConfig
{
    /// <summary>The network, e.g. "hw3-mlp", "hw3-cnn2", "hw6-mlp", "hw6-cnn", "a1-softmax"; see <see cref="CourseCatalog.ModelTypes"/>.</summary>
    public string Type { get; init; } = "hw3-mlp";

    /// <summary>Hidden units of the MLPs (HW3: 128, giving the 101,770 parameters of 3.5; HW6: 1000; A1: 128).</summary>
    public int Hidden { get; init; } = 128;

    /// <summary>Dropout rate r of the models that have a dropout layer (HW6 <c>--dropout_rate</c>, default 0.0).</summary>
    public double Dropout { get; init; }
}
