using System.Diagnostics;
using System.Globalization;
using NeuralNet;
using NeuralNet.Models.Hw3;
using NeuralNet.Optimizers;
using NeuralNet.Training;

namespace Benchmarks;

/// <summary>
/// <c>mlp-epoch</c> and <c>cnn-epoch</c>: wall time of one training epoch through the library's own layers and
/// models, on 10,000 synthetic 28 x 28 examples (uniform pixels, random labels: the arithmetic is the same as on
/// real images). Prints one JSON line per epoch and a summary line with the median.
/// </summary>
internal static class EpochBenchmark
{
    private const int Examples = 10_000;

    private const int Features = 784;

    /// <summary>HW3 3.1: 784-1000-10 MLP, batch 5, lr 0.01, through <see cref="Hw3Network"/> (forward_pass, backward_pass, miniBatchGradientDescent).</summary>
    public static int RunMlp(BenchmarkOptions options)
    {
        var (x, y) = SyntheticData();
        var model = new Hw3Mlp(new Rng(2));
        const int batch = 5;
        return Run("mlp-epoch", options, batch, x, y, (xb, yb) =>
        {
            var pass = Hw3Network.ForwardPass(model, xb, yb);
            Hw3Network.BackwardPass(model, xb, pass.A1, pass.H1, pass.A2, yb);
            Hw3Network.MiniBatchGradientDescent(model, 0.01);
        });
    }

    /// <summary>HW3 3.5: conv 64 x 7 x 7 -> relu -> 2 x 2 max-pool -> linear to 10 (80650 parameters), batch 32, SGD lr 0.01.</summary>
    public static int RunCnn(BenchmarkOptions options)
    {
        var (x, y) = SyntheticData();
        var model = Hw3OodModels.TwoLayerCnn(new Rng(2));
        const int batch = 32;
        return Run("cnn-epoch", options, batch, x, y, (xb, yb) =>
        {
            var (logits, _) = model.Forward(xb, yb);
            model.Backward(xb, logits, yb);
            Sgd.Update(model.Parameters, 0.01);
        });
    }

    private static (Tensor X, int[] Y) SyntheticData()
    {
        var rng = new Rng(1);
        var x = Tensor.RandomUniform([Examples, Features], 0, 1, rng);
        var y = new int[Examples];
        for (var i = 0; i < y.Length; i++)
        {
            y[i] = rng.NextInt(10);
        }

        return (x, y);
    }

    private static int Run(string name, BenchmarkOptions options, int batch, Tensor x, int[] y, Action<Tensor, int[]> step)
    {
        var rng = new Rng(3);
        var arrays = StepArrays.Create(); // the large arrays recycled across epochs, as the trainer does
        var examples = options.Quick ? Examples / 20 : Examples;
        var epochs = options.Quick ? 1 : 3;

        // Warm-up: a tenth of an epoch, so the timed epochs run tier-1 code.
        Epoch(rng, examples / 10, batch, x, y, step, options.StepCollect, arrays);
        var times = new List<double>();
        for (var e = 0; e < epochs; e++)
        {
            GC.Collect();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var faults = RuntimeInfo.MinorFaults();
            var pauses = GC.GetTotalPauseDuration();
            var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            Epoch(rng, examples, batch, x, y, step, options.StepCollect, arrays);
            var seconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
            times.Add(seconds);
            var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            using var process = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"bench\":\"{name}\",\"epoch\":{e + 1},\"examples\":{examples},\"batch\":{batch},\"seconds\":{seconds:F3},\"cpuSeconds\":{cpuSeconds:F3},\"allocatedMB\":{bytes / 1e6:F0},\"gen0\":{GC.CollectionCount(0) - gcs.Item1},\"gen1\":{GC.CollectionCount(1) - gcs.Item2},\"gen2\":{GC.CollectionCount(2) - gcs.Item3},\"gcPauseMs\":{(GC.GetTotalPauseDuration() - pauses).TotalMilliseconds:F0},\"minorFaults\":{RuntimeInfo.MinorFaults() - faults},\"peakWorkingSetMB\":{process.PeakWorkingSet64 / 1e6:F0}}}"));
        }

        times.Sort();
        using var final = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"bench\":\"{name}\",\"summary\":true,\"epochs\":{epochs},\"medianSeconds\":{times[times.Count / 2]:F3},\"peakWorkingSetMB\":{final.PeakWorkingSet64 / 1e6:F0},\"threads\":{Environment.ProcessorCount},\"gc\":\"{RuntimeInfo.GcKind}\",\"stepCollect\":{(options.StepCollect ? "true" : "false")}}}"));
        return 0;
    }

    private static void Epoch(Rng rng, int examples, int batch, Tensor x, int[] y, Action<Tensor, int[]> step, bool stepCollect, StepArrays arrays)
    {
        var order = rng.Permutation(examples);
        var labels = new int[batch];
        using var collector = stepCollect ? new StepCollector(arrays) : null;
        for (var start = 0; start + batch <= examples; start += batch)
        {
            var indices = order.AsSpan(start, batch);
            for (var i = 0; i < batch; i++)
            {
                labels[i] = y[indices[i]];
            }

            step(x.Rows(indices), labels);
            collector?.StepDone();
        }
    }
}
