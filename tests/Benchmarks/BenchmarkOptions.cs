using NeuralNet;

namespace Benchmarks;

/// <summary>Command-line switches shared by the benchmarks.</summary>
/// <param name="Quick">short warm-up and few samples (a smoke run, figures not for the record)</param>
/// <param name="Isa">force a matmul kernel family (avx512, avx2, portable) instead of the best one</param>
/// <param name="Threads">most threads a matmul may use (default: all cores)</param>
/// <param name="Shape">matmul: only the products of this size, "MxKxN" (e.g. 10000x784x128); null for every shape</param>
/// <param name="StepCollect">epoch benchmarks: collect gen0 between steps as the trainer does (<c>--no-step-collect</c> turns it off)</param>
internal sealed record BenchmarkOptions(bool Quick, GemmIsa? Isa, int? Threads, string? Shape = null, bool StepCollect = true)
{
    public static BenchmarkOptions Parse(ReadOnlySpan<string> args)
    {
        var quick = false;
        GemmIsa? isa = null;
        int? threads = null;
        var stepCollect = true;
        string? shape = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--no-step-collect":
                    stepCollect = false;
                    break;
                case "--shape" when i + 1 < args.Length:
                    shape = args[++i];
                    break;
                case "--isa" when i + 1 < args.Length:
                    isa = Enum.Parse<GemmIsa>(args[++i], ignoreCase: true);
                    break;
                case "--threads" when i + 1 < args.Length:
                    threads = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Benchmarks: unknown option '{args[i]}' (expected --quick, --isa <avx512|avx2|portable>, --threads <n>, --shape MxKxN, --no-step-collect).");
            }
        }

        return new BenchmarkOptions(quick, isa, threads, shape, stepCollect);
    }
}
