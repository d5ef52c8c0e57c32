using System.Diagnostics;
using System.Globalization;
using NeuralNet;
using NeuralNet.Layers;
using NeuralNet.Losses;
using NeuralNet.Models.Hw3;
using NeuralNet.Optimizers;
using NeuralNet.Training;

namespace Benchmarks;

/// <summary>
/// <c>mlp-step</c>: where one step of HW3's <c>MLP_lr0.01_b5</c> (784-128-10, batch 5, SGD lr 0.01, the experiment
/// runner's own layer chain) spends its time: each layer's forward and backward pass, the loss gradient and the SGD
/// update, timed separately over an epoch of 2,000 steps on synthetic images (after a warm-up epoch), with the
/// trainer's step collection. Prints one JSON line: microseconds and bytes allocated per step for each phase.
/// <c>cnn-step</c>: the same for HW3 3.5's two-layer CNN (the catalog's <c>hw3-cnn2</c> chain), batch 32.
/// </summary>
internal static class StepBreakdownBenchmark
{
    public static int RunMlp(BenchmarkOptions options) =>
        Run(options, "mlp-step", [.. new Hw3Mlp(new Rng(2), 784, 128, 10).Layers.Select(l => l.Layer)], null, batch: 5, inputGradient: true);

    public static int RunCnn(BenchmarkOptions options) =>
        Run(options, "cnn-step", [.. Hw3OodModels.TwoLayerCnn(new Rng(2)).ToLayerChain().Layers], null, batch: 32, inputGradient: false);

    // inputGradient: whether the step computes dL/dx of the data, as HW3's backward_pass (which returns it) does; a
    // LayerChain (how the catalog trains hw3-cnn2) does not: it stops at the first layer with parameters and tells it
    // so (Module.InputGradientNeeded).
    private static int Run(BenchmarkOptions options, string name, Module[] layers, int[]? inputShape, int batch, bool inputGradient)
    {
        var rng = new Rng(1);
        const int examples = 10_000;
        var x = Tensor.RandomUniform([examples, 784], 0, 1, rng);
        var y = new int[examples];
        for (var i = 0; i < y.Length; i++)
        {
            y[i] = rng.NextInt(10);
        }

        var names = layers.Select((l, i) => $"{l.GetType().Name}{i}").ToArray();
        var first = inputGradient ? 0 : Array.FindIndex(layers, l => l.Parameters.Count > 0);
        var parameters = layers.SelectMany(l => l.Parameters).ToArray();
        var loss = new SoftmaxCrossEntropy();
        var sgd = new Sgd(0.01);
        var sampler = new MiniBatchSampler(x, y, batch, dropLast: true, shuffle: true, new Rng(3));
        var phases = new Dictionary<string, long>();
        var bytes = new Dictionary<string, long>();
        var mark = GC.GetAllocatedBytesForCurrentThread();
        void Add(string phase, long ticks)
        {
            phases[phase] = phases.GetValueOrDefault(phase) + ticks;
            var now = GC.GetAllocatedBytesForCurrentThread();
            bytes[phase] = bytes.GetValueOrDefault(phase) + now - mark;
            mark = now;
        }

        var epochs = options.Quick ? 1 : 3;
        var arrays = StepArrays.Create(); // the large arrays recycled across epochs, as the trainer does
        var steps = 0;
        var total = Stopwatch.StartNew();
        for (var epoch = 0; epoch <= epochs; epoch++)
        {
            if (epoch == 1)
            {
                phases.Clear();
                bytes.Clear();
                steps = 0;
                total.Restart();
            }

            sampler.NextEpoch();
            using var collector = new StepCollector(arrays);
            var inputs = new Tensor[layers.Length];
            for (var b = 0; b < sampler.BatchesPerEpoch; b++)
            {
                mark = GC.GetAllocatedBytesForCurrentThread();
                var t = Stopwatch.GetTimestamp();
                var (xb, yb) = sampler.Batch(b);
                var h = inputShape is null ? xb : xb.Reshape(inputShape);
                Add("batch", Stopwatch.GetTimestamp() - t);
                for (var i = 0; i < layers.Length; i++)
                {
                    t = Stopwatch.GetTimestamp();
                    inputs[i] = h;
                    layers[i].Training = true;
                    h = layers[i].Forward(h);
                    Add($"forward {names[i]}", Stopwatch.GetTimestamp() - t);
                    if (i == 0 && Environment.GetEnvironmentVariable("TWICE") == "1")
                    {
                        t = Stopwatch.GetTimestamp();
                        layers[i].Forward(inputs[i]);
                        Add($"forward again {names[i]}", Stopwatch.GetTimestamp() - t);
                    }
                }

                t = Stopwatch.GetTimestamp();
                var g = loss.Backward(h, yb);
                Add("loss gradient", Stopwatch.GetTimestamp() - t);
                for (var i = layers.Length - 1; i >= first; i--)
                {
                    t = Stopwatch.GetTimestamp();
                    layers[i].InputGradientNeeded = inputGradient || i > first;
                    g = layers[i].Backward(inputs[i], g);
                    Add($"backward {names[i]}", Stopwatch.GetTimestamp() - t);
                }

                t = Stopwatch.GetTimestamp();
                sgd.Step(parameters);
                Add("sgd", Stopwatch.GetTimestamp() - t);
                t = Stopwatch.GetTimestamp();
                collector.StepDone();
                Add("step collection", Stopwatch.GetTimestamp() - t);
                steps++;
            }
        }

        var seconds = total.Elapsed.TotalSeconds;
        var perStep = phases.ToDictionary(p => p.Key, p => Math.Round(p.Value * 1e6 / Stopwatch.Frequency / steps, 2));
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
        {
            benchmark = name,
            steps,
            secondsPerEpoch = Math.Round(seconds / epochs, 4),
            microsecondsPerStep = Math.Round(seconds * 1e6 / steps, 2),
            phases = perStep,
            bytesPerStep = bytes.ToDictionary(p => p.Key, p => p.Value / steps),
        }));
        return 0;
    }
}
