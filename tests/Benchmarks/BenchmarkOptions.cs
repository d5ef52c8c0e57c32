using NeuralNet;

namespace Benchmarks;

/// <summary>Command-line switches shared by the benchmarks.</summary>
/// <param name="Quick">short warm-up and few samples (a smoke run, figures not for the record)</param>
/// <param name="Isa">force a matmul kernel family (avx512, avx2, portable) instead of the best one</param>
/// <param name="Threads">most threads a matmul may use (default: all cores)</param>
internal sealed record BenchmarkOptions(bool Quick, GemmIsa? Isa, int? Threads)
{
    public static BenchmarkOptions Parse(ReadOnlySpan<string> args)
    {
        var quick = false;
        GemmIsa? isa = null;
        int? threads = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--isa" when i + 1 < args.Length:
                    isa = Enum.Parse<GemmIsa>(args[++i], ignoreCase: true);
                    break;
                case "--threads" when i + 1 < args.Length:
                    threads = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Benchmarks: unknown option '{args[i]}' (expected --quick, --isa <avx512|avx2|portable>, --threads <n>).");
            }
        }

        return new BenchmarkOptions(quick, isa, threads);
    }
}
