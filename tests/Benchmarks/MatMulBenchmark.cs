using System.Globalization;
using NeuralNet;

namespace Benchmarks;

/// <summary>
/// <c>matmul</c>: the shapes of the seeds' MLP and their backward forms (X.T x G, G x W.T), one JSON line each.
/// <c>seconds</c> is the median wall time of the kernel writing into a preallocated output (<c>gflops</c> from it);
/// <c>cpuSeconds</c> the process CPU time per call over the same runs (all threads: equal to seconds x threads when
/// the cores are busy, less when the work does not split); <c>apiSeconds</c> the median of <c>Tensor.MatMul</c>
/// and a read of one element, which also allocates the result (and computes it when the product is deferred); <c>apiMinorFaults</c> the page faults per <c>Tensor.MatMul</c> call (first touches of
/// memory the OS maps afresh: what an allocated result costs beyond the kernel when its pages are not reused).
/// </summary>
internal static class MatMulBenchmark
{
    /// <summary>op: "A*B", "At*B" (A given as the transposed view of a (k, m) matrix) or "A*Bt" (B as the view of an (n, k) matrix).</summary>
    private static readonly (string Op, int M, int K, int N)[] Shapes =
    [
        ("A*B", 10000, 784, 128),
        ("At*B", 784, 10000, 128),
        ("A*Bt", 10000, 128, 784),
        ("A*B", 5, 784, 1000),
        ("At*B", 784, 5, 1000),
        ("A*Bt", 5, 1000, 784),
        ("A*B", 5, 784, 128),
        ("At*B", 784, 5, 128),
        ("A*Bt", 5, 128, 784),
        ("A*B", 5, 1000, 10),
        ("At*B", 1000, 5, 10),
        ("A*Bt", 5, 10, 1000),
        ("A*B", 32, 784, 128),
        ("A*Bt", 15488, 49, 64),
        ("At*B", 64, 15488, 49),
        ("A*B", 15488, 64, 49),
    ];

    public static int Run(BenchmarkOptions options)
    {
        var isa = options.Isa ?? MatMulKernel.BestIsa;
        var threads = options.Threads ?? Environment.ProcessorCount;
        var rng = new Rng(42);
        foreach (var (op, m, k, n) in Shapes.Where(s => options.Shape is null || options.Shape == $"{s.M}x{s.K}x{s.N}"))
        {
            var a = op == "At*B" ? Tensor.RandomNormal([k, m], 0, 1, rng).T : Tensor.RandomNormal([m, k], 0, 1, rng);
            var b = op == "A*Bt" ? Tensor.RandomNormal([n, k], 0, 1, rng).T : Tensor.RandomNormal([k, n], 0, 1, rng);
            var c = new double[m * n];
            var warmup = options.Quick ? 0.05 : 0.5;
            var samples = options.Quick ? 5 : 31;
            var sample = options.Quick ? 0.002 : 0.02;
            var (seconds, cpuSeconds) = Timing.MedianSeconds(() => MatMulKernel.Multiply(a, b, c, 0, isa, threads), warmup, samples, sample);
            // Reading an element computes a deferred product (Xᵀ·G of a small batch is computed when first read).
            var (apiSeconds, apiCpuSeconds) = Timing.MedianSeconds(() => _ = a.MatMul(b)[0, 0], warmup, samples, sample);
            var apiFaults = FaultsPerCall(() => _ = a.MatMul(b)[0, 0], options.Quick ? 5 : 50);
            var gflops = 2.0 * m * k * n / seconds / 1e9;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"bench\":\"matmul\",\"op\":\"{op}\",\"m\":{m},\"k\":{k},\"n\":{n},\"seconds\":{seconds:G4},\"gflops\":{gflops:F2},\"cpuSeconds\":{cpuSeconds:G4},\"apiSeconds\":{apiSeconds:G4},\"apiCpuSeconds\":{apiCpuSeconds:G4},\"apiMinorFaults\":{apiFaults:F0},\"isa\":\"{isa}\",\"threads\":{threads},\"gc\":\"{RuntimeInfo.GcKind}\"}}"));
        }

        return 0;
    }

    private static double FaultsPerCall(Action action, int calls)
    {
        var faults = RuntimeInfo.MinorFaults();
        for (var i = 0; i < calls; i++)
        {
            action();
        }

        return (double)(RuntimeInfo.MinorFaults() - faults) / calls;
    }
}
