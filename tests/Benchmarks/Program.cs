namespace Benchmarks;

/// <summary>Speed benchmarks printing one JSON line per measurement: <c>dotnet run -c Release --project tests/Benchmarks -- matmul</c>.</summary>
internal static class Program
{
    private const string Usage = "usage: Benchmarks <matmul|mlp-epoch|mlp-step|cnn-epoch|cnn-step|transformer|batch|grade|sandbox|answers|page-faults> [--quick] [--isa avx512|avx2|portable] [--threads n] [--shape MxKxN] [--no-step-collect]";

    private static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (args[0] == "batch") return BatchBenchmark.Run(args.AsSpan(1));
        if (args[0] == "grade") return GradeBenchmark.Run(args.AsSpan(1));
        if (args[0] == "sandbox") return SandboxBenchmark.Run(args.AsSpan(1));
        if (args[0] == "answers") return AnswerBenchmark.Run(args.AsSpan(1));
        if (args[0] == "page-faults") return PageFaultBenchmark.Run(args.AsSpan(1));

        var options = BenchmarkOptions.Parse(args.AsSpan(1));
        switch (args[0])
        {
            case "matmul":
                return MatMulBenchmark.Run(options);
            case "mlp-epoch":
                return EpochBenchmark.RunMlp(options);
            case "mlp-step":
                return StepBreakdownBenchmark.RunMlp(options);
            case "cnn-step":
                return StepBreakdownBenchmark.RunCnn(options);
            case "cnn-epoch":
                return EpochBenchmark.RunCnn(options);
            case "transformer":
                return TransformerBenchmark.Run(options);
            default:
                Console.Error.WriteLine($"unknown benchmark '{args[0]}'. {Usage}");
                return 2;
        }
    }
}
