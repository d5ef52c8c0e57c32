using NeuralNet.Data;
using NeuralNet.Losses;
using NeuralNet.Optimizers;

namespace NeuralNet.Training;

/// <summary>
/// Training steps of a throwaway copy of an experiment's network on a background thread, while the run's own thread
/// does its set-up (the gradient and magnitude checks): the code the first epoch's steps run and the set-up does not
/// (the optimiser's update, the products of a small batch) is then compiled on the otherwise idle core before the
/// first epoch, instead of inside it.
/// </summary>
/// <remarks>
/// <para>
/// The copy shares nothing with the run: its own weights (from a fixed seed), optimiser, loss and a copy of the first
/// batch's rows, so the run's results are bit-identical with or without it (ExperimentRunnerTests). For the same
/// reason it is only for modules known to keep no static state, the course reference's: a submission's layer that
/// keeps, say, a static random generator would draw from it on two threads at once. <c>autograder train</c> turns it
/// on; a kit's tools/Run and the grader do not.
/// </para>
/// <para>
/// It stops at the first step boundary after <see cref="Stop"/> (the run's training begins), so it never competes
/// with the run for more than one step. HW3's <c>MLP_lr0.01_b5</c> (docs/performance.md): first epoch 0.094 s
/// against 0.114 s without it (ten alternated pairs), wall time of the whole run and CPU time unchanged.
/// </para>
/// </remarks>
internal sealed class StepWarmUp
{
    private readonly Thread _thread;
    private volatile bool _stopping;

    private StepWarmUp(Func<ITrainableModel> createModel, Func<IOptimizer> createOptimizer, Dataset batch, int steps)
    {
        _thread = new Thread(() => Run(createModel, createOptimizer, batch, steps))
        {
            IsBackground = true,
            Name = "training warm-up",
        };
    }

    /// <summary>Steps taken so far (read after <see cref="Stop"/>; tests).</summary>
    internal int StepsTaken { get; private set; }

    /// <summary>Starts the steps on a background thread.</summary>
    /// <param name="createModel">builds the throwaway network (called on the background thread)</param>
    /// <param name="createOptimizer">builds its optimiser (called on the background thread)</param>
    /// <param name="batch">the rows of one batch, a copy no one else uses</param>
    /// <param name="steps">most steps to take</param>
    /// <returns>the running warm-up</returns>
    public static StepWarmUp Start(Func<ITrainableModel> createModel, Func<IOptimizer> createOptimizer, Dataset batch, int steps)
    {
        ArgumentNullException.ThrowIfNull(createModel);
        ArgumentNullException.ThrowIfNull(createOptimizer);
        ArgumentNullException.ThrowIfNull(batch);
        var warmUp = new StepWarmUp(createModel, createOptimizer, batch, steps);
        warmUp._thread.Start();
        return warmUp;
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

    private void Run(Func<ITrainableModel> createModel, Func<IOptimizer> createOptimizer, Dataset batch, int steps)
    {
        try
        {
            var model = createModel();
            var optimizer = createOptimizer();
            var loss = new SoftmaxCrossEntropy();
            var x = batch.X;
            for (var step = 0; step < steps && !_stopping; step++)
            {
                model.Backward(loss.Backward(model.Forward(x, training: true), batch.Labels));
                optimizer.Step(model.Parameters);
                StepsTaken = step + 1;
            }
        }
        catch (Exception)
        {
            // Caught whatever it is: one escaping this thread would end the process. Nothing to report: the run meets
            // any error of this code in its own steps and reports it there; here it only means less was compiled ahead.
        }
    }
}
