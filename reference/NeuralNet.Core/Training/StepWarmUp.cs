using NeuralNet.Data;
using NeuralNet.Losses;

namespace NeuralNet.Training;

/// <summary>
/// Throwaway training steps of NeuralNet.Core's own step code on a background thread, while the run's own thread does
/// its set-up (the gradient and magnitude checks): the code the first epoch's steps run and the set-up does not (the
/// optimiser's deferred update, the products and sampling of a small batch) is then compiled on the otherwise idle
/// core before the first epoch, instead of inside it.
/// </summary>
/// <remarks>
/// <para>
/// It runs no module's code, only NeuralNet.Core's, with a stand-in two-layer network: a submission's modules must
/// not run on a second thread (a layer that keeps, say, a static random generator would draw from it twice, one that
/// prints would print twice), and a copy of the experiment's own network compiled no more (HW3's
/// <c>MLP_lr0.01_b5</c>, six alternated pairs: first epoch 1.095 times a later one with the copy, 1.096 with this).
/// It shares nothing with the run (its own tensors and a sampler of its own that only reads the training set), so
/// the run's results are bit-identical with or without it (StepWarmUpTests). It stops at the first step boundary
/// after <see cref="Stop"/> (the run's training begins), so it never competes with the run for more than one step.
/// <c>autograder train</c> and a kit's tools/Run use it; the grader does not. Measurements: docs/performance.md.
/// </para>
/// </remarks>
internal sealed class StepWarmUp
{
    /// <summary>Seed of the library warm-up's batch order (any fixed value: its results are thrown away).</summary>
    private const ulong LibrarySeed = 0x5EED;

    /// <summary>Hidden width of the library warm-up's stand-in network (HW3's MLP: 784-128-10).</summary>
    private const int LibraryHidden = 128;

    /// <summary>The stand-in network's learning rate (its weights are thrown away).</summary>
    private const double LibraryLearningRate = 0.01;

    private readonly Thread _thread;
    private volatile bool _stopping;

    private StepWarmUp(Func<Action> prepare, int steps)
    {
        _thread = new Thread(() => Run(prepare, steps))
        {
            IsBackground = true,
            Name = "training warm-up",
        };
    }

    /// <summary>Steps taken so far (read after <see cref="Join"/> or <see cref="Finish"/>; tests).</summary>
    internal int StepsTaken { get; private set; }

    /// <summary>Starts steps on a background thread (<see cref="StartLibraryOnly"/>'s, or a test's own).</summary>
    /// <param name="prepare">called on the background thread; returns one step</param>
    /// <param name="steps">most steps to take</param>
    /// <returns>the running warm-up</returns>
    internal static StepWarmUp Start(Func<Action> prepare, int steps)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        var warmUp = new StepWarmUp(prepare, steps);
        warmUp._thread.Start();
        return warmUp;
    }

    /// <summary>
    /// Starts steps of NeuralNet.Core's own step code on a background thread, no module's: mini-batches drawn as the
    /// trainer draws them (by a sampler of its own), the products of a stand-in two-layer network on them, the loss
    /// gradient, and both weight gradients added into the weights as an optimiser adds them (the large one is the
    /// deferred update, which the checks never run).
    /// </summary>
    /// <param name="train">the training set (only read)</param>
    /// <param name="batchSize">the run's batch size</param>
    /// <param name="steps">most steps to take</param>
    /// <returns>the running warm-up</returns>
    public static StepWarmUp StartLibraryOnly(Dataset train, int batchSize, int steps)
    {
        ArgumentNullException.ThrowIfNull(train);
        return Start(() =>
        {
            var sampler = new MiniBatchSampler(train, Math.Clamp(batchSize, 1, Math.Max(1, train.Count)), dropLast: false, shuffle: true, new Rng(LibrarySeed));
            sampler.NextEpoch();
            var first = Tensor.Zeros(train.Features, LibraryHidden);
            var second = Tensor.Zeros(LibraryHidden, train.NumClasses);
            var loss = new SoftmaxCrossEntropy();
            var batch = 0;
            return () =>
            {
                var (x, y) = sampler.Batch(batch++ % sampler.BatchesPerEpoch);
                var hidden = x.MatMul(first);
                var grad = loss.Backward(hidden.MatMul(second), y);
                var hiddenGrad = grad.MatMul(second.T);
                second.AddInPlace(hidden.T.MatMul(grad), -LibraryLearningRate);
                first.AddInPlace(x.T.MatMul(hiddenGrad), -LibraryLearningRate);
            };
        }, steps);
    }

    /// <summary>Asks the steps to stop at the next step boundary; does not wait.</summary>
    public void Stop() => _stopping = true;

    /// <summary>Stops the steps and waits for the thread to end.</summary>
    public void Join()
    {
        Stop();
        _thread.Join();
    }

    /// <summary>Waits for every step (tests).</summary>
    internal void Finish() => _thread.Join();

    private void Run(Func<Action> prepare, int steps)
    {
        try
        {
            var step = prepare();
            for (var taken = 0; taken < steps && !_stopping; taken++)
            {
                step();
                StepsTaken = taken + 1;
            }
        }
        catch (Exception)
        {
            // Caught whatever it is: one escaping this thread would end the process. Nothing to report: the run meets
            // any error of this code in its own steps and reports it there; here it only means less was compiled ahead.
        }
    }
}
