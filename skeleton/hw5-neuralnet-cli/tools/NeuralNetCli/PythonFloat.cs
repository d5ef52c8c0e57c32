using System.Globalization;

namespace NeuralNetCli;

/// <summary>
/// Numbers as the handout's metrics files print them: Python's <c>str(float)</c> of the reference
/// solution, 12 significant digits ("2.18506276114", "0.77", "1e-05").
/// </summary>
internal static class PythonFloat
{
    public static string Format(double value)
    {
        var text = value.ToString("G12", CultureInfo.InvariantCulture);
        if (text.Contains('E', StringComparison.Ordinal))
        {
            // .NET writes 1E-05; Python writes 1e-05.
            return text.Replace("E", "e", StringComparison.Ordinal);
        }

        return text.Contains('.', StringComparison.Ordinal) || double.IsNaN(value) || double.IsInfinity(value) ? text : text + ".0";
    }
}
