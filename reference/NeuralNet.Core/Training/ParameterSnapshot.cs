using NeuralNet.Layers;

namespace NeuralNet.Training;

/// <summary>A copy of a model's parameter values, kept for the best epoch and restored at the end (A1: "evaluates the best model").</summary>
public sealed class ParameterSnapshot
{
    private readonly IReadOnlyList<Parameter> _parameters;
    private readonly Tensor[] _copies;

    /// <summary>Allocates room for a copy of every parameter (once; <see cref="Capture"/> reuses it).</summary>
    /// <param name="parameters">the model's parameters</param>
    public ParameterSnapshot(IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = parameters;
        _copies = [.. parameters.Select(p => Tensor.Zeros(p.Value.Shape))];
    }

    /// <summary>True once <see cref="Capture"/> has run.</summary>
    public bool HasValue { get; private set; }

    /// <summary>Copies the current values.</summary>
    public void Capture()
    {
        for (var i = 0; i < _copies.Length; i++)
        {
            _copies[i].CopyFrom(_parameters[i].Value);
        }

        HasValue = true;
    }

    /// <summary>Writes the captured values back into the parameters.</summary>
    public void Restore()
    {
        if (!HasValue)
        {
            throw new InvalidOperationException("ParameterSnapshot.Restore: nothing captured yet.");
        }

        for (var i = 0; i < _copies.Length; i++)
        {
            _parameters[i].Value.CopyFrom(_copies[i]);
        }
    }
}
