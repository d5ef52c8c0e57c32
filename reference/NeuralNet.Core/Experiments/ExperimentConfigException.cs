namespace NeuralNet.Experiments;

/// <summary>An experiment file that cannot be used; the message names the file, the YAML path and the line.</summary>
public sealed class ExperimentConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ExperimentConfigException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">what is wrong</param>
    public ExperimentConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">what is wrong</param>
    /// <param name="innerException">the parser's exception</param>
    public ExperimentConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
