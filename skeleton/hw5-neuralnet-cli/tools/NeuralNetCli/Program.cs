namespace NeuralNetCli;

/// <summary>
/// <c>neuralnet train_input validation_input train_out validation_out metrics_out num_epoch hidden_units init_flag learning_rate</c>.
/// Prints nothing on success; exit code 2 for a wrong command line, 1 for unreadable input or unwritable output.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        Hw5Arguments arguments;
        try
        {
            arguments = Hw5Arguments.Parse(args);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"neuralnet: {e.Message}");
            Console.Error.WriteLine(Hw5Arguments.Usage);
            return 2;
        }

        try
        {
            Hw5Program.Run(arguments);
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            Console.Error.WriteLine($"neuralnet: {e.Message}");
            return 1;
        }
    }
}
