using System.Diagnostics;
using System.Runtime.InteropServices;
using Autograder.Grader.Execution;
using Autograder.Grader.Results;
using Autograder.Worker.Protocol;
using NeuralNet;
using NeuralNet.Data;

namespace Autograder.Grader.Checks.Kinds;

/// <summary>
/// <c>accuracy</c>: trains a model built from the student's modules in the worker with a short, seeded
/// schedule and scores its predictions on held-out images against labels only the host holds. The host
/// loads <c>data</c>, binds <c>$train_x</c> and <c>$test_x</c> in the worker (never the test labels), runs
/// <c>setup</c> there, then <c>epochs</c> passes of <c>step</c> over mini-batches it shuffles with the case
/// seed (<c>$idx</c> the batch's row indices, <c>$yb</c> its labels), then <c>predict</c>. All of it must fit
/// in <c>timeout_seconds</c> (default: the rubric's per-call limit); accuracy below <c>min_accuracy</c> fails, and with
/// <c>max_below_reference</c> so does accuracy that far below the reference's on the same schedule (run in-process after).
/// </summary>
internal sealed class AccuracyCheck : ICheckKind
{
    public string Kind => "accuracy";

    public int CaseCount(Rubrics.CheckSpec spec) => 1;

    public void RunCase(CheckContext c, int caseIndex)
    {
        var spec = c.Spec.Data ?? throw new RubricError("accuracy needs data: {dataset, train, test}");
        var splits = CourseData.Load(c.Environment.CourseRoot, spec.Dataset);
        var train = splits.Train.Take(Math.Min(spec.Train, splits.Train.Count));
        var test = splits.Test.Take(Math.Min(spec.Test, splits.Test.Count));
        var budget = TimeSpan.FromSeconds(c.Spec.TimeoutSeconds ?? 60);
        // The budget is the worker's CPU time (the student's computing, not the machine's load), with a
        // wall-clock cap of WallFactor times it for a worker that waits instead of computing. One message
        // whichever limit fired and whichever call was running (never the remaining slice of the budget):
        // the same submission gets the same result on a busy machine.
        var clock = Stopwatch.StartNew();
        var spentBefore = c.StudentSeconds;
        var (epoch, step, lastStep, steps) = (0, 0, 0, train.Count / Math.Max(1, c.Spec.BatchSize));
        WorkerFailure OverBudget() => new(CheckStatus.Timeout,
            $"training did not finish within {budget.TotalSeconds:0.#} s of CPU time ({(budget * WorkerSession.WallFactor).TotalSeconds:0.#} s of wall-clock time): " +
            $"{c.Spec.Epochs} epoch(s) of {train.Count} examples in batches of {c.Spec.BatchSize}; it stopped in epoch {epoch + 1}, step {step} of {steps}" +
            (c.Spec.TimeoutHint is { } hint ? $"; {hint}" : ""));
        var stepLimit = TimeSpan.FromSeconds(c.Spec.StepTimeoutSeconds);
        WorkerResponse Call(WorkerRequest request, bool isStep = false)
        {
            var left = budget - TimeSpan.FromSeconds(c.StudentSeconds - spentBefore);
            if (left <= TimeSpan.Zero || clock.Elapsed > budget * WorkerSession.WallFactor)
            {
                throw OverBudget();
            }

            var stepCapped = isStep && stepLimit < left;
            try
            {
                return c.Student(request, stepCapped ? stepLimit : left);
            }
            catch (WorkerFailure failure) when (failure.Status == CheckStatus.Timeout)
            {
                var which = lastStep > step ? $"one of steps {step}-{lastStep}" : $"step {step}";
                throw stepCapped
                    ? new WorkerFailure(CheckStatus.Timeout,
                        $"one training step (epoch {epoch + 1}, {which} of {steps}) did not finish within {stepLimit.TotalSeconds:0.#} s of CPU time; " +
                        "a step of a correct solution takes well under a second, so this is an infinite loop or a wait")
                    : OverBudget();
            }
        }

        Call(new WorkerRequest(0, "reset"));
        foreach (var (data, name) in new[] { (train, "train_x"), (test, "test_x") })
        {
            // A worker that already holds these rows (A1's second check, same data) binds a copy instead of receiving
            // them again. The key names what the rows are (the whole data spec, so a field added to it later counts);
            // in one grade the course's data cannot change.
            var key = $"{spec}:{name}:{data.Count}";
            if (Call(new WorkerRequest(0, "let-kept", Args: [new StringValue(name), new StringValue(key)])).Value is BoolValue { Value: true })
            {
                continue;
            }

            foreach (var request in LetRows(data, name, key))
            {
                Call(request);
            }
        }

        foreach (var setup in c.Spec.Setup)
        {
            Call(CallSteps.Request(c, setup));
        }

        var rng = new Rng(c.CaseSeed);
        var batching = new StepBatching();
        for (epoch = 0; epoch < c.Spec.Epochs; epoch++)
        {
            var order = rng.Permutation(train.Count);
            for (step = 1; step <= steps; step = lastStep + 1)
            {
                // Several steps per request once steps are seen to be quick: the same calls in the same order, so
                // the same training, without a round trip to the worker for each step (see StepBatching).
                lastStep = Math.Min(steps, step + batching.StepsPerCall - 1);
                var body = new List<WorkerRequest>();
                for (var s = step; s <= lastStep; s++)
                {
                    var rows = order[((s - 1) * c.Spec.BatchSize)..(s * c.Spec.BatchSize)];
                    c.Inline["idx"] = new IntsValue(rows);
                    c.Inline["yb"] = new IntsValue([.. rows.Select(i => train.Labels[i])]);
                    body.AddRange(Body(c, c.Spec.Step));
                }

                var timer = Stopwatch.StartNew();
                Call(new WorkerRequest(0, "run", Args: [new FuncValue(body)]), isStep: true);
                batching.Observe(timer.Elapsed, lastStep - step + 1);
            }
        }

        (epoch, step, lastStep) = (c.Spec.Epochs - 1, steps, steps);
        var predicted = Labels(Call(Run(c, c.Spec.Predict)).Value, test.Count);
        var correct = predicted.Zip(test.Labels).Count(p => p.First == p.Second);
        var accuracy = (double)correct / test.Count;
        if (accuracy < c.Spec.MinAccuracy)
        {
            throw new CheckFailure(
                $"test accuracy {accuracy * 100:F1}% ({correct} of {test.Count} held-out {spec.Dataset} images) after {c.Spec.Epochs} epoch(s) of {train.Count} examples " +
                $"is below {c.Spec.MinAccuracy * 100:F0}%; the layers pass their own checks only if they also learn together");
        }

        if (c.Spec.MaxBelowReference is { } margin)
        {
            var reference = ReferenceAccuracy(c, train, test);
            if (accuracy < reference - margin)
            {
                throw new CheckFailure(
                    $"test accuracy {accuracy * 100:F1}% ({correct} of {test.Count} held-out {spec.Dataset} images) after {c.Spec.Epochs} epoch(s) of {train.Count} examples; " +
                    $"the reference reaches {reference * 100:F1}% with the same initial weights and batches, and at most {margin * 100:F0} points less pass");
            }
        }
    }

    // The same schedule with the reference: same setup, the same seeded batches, the same predict.
    private static double ReferenceAccuracy(CheckContext c, NeuralNet.Data.Dataset train, NeuralNet.Data.Dataset test)
    {
        c.Reference(new WorkerRequest(0, "reset"));
        c.Reference(new WorkerRequest(0, "let", Args: [Tensor(train.X)], Bind: "train_x"));
        c.Reference(new WorkerRequest(0, "let", Args: [Tensor(test.X)], Bind: "test_x"));
        foreach (var setup in c.Spec.Setup)
        {
            c.Reference(CallSteps.Request(c, setup));
        }

        var rng = new Rng(c.CaseSeed);
        for (var epoch = 0; epoch < c.Spec.Epochs; epoch++)
        {
            var order = rng.Permutation(train.Count);
            for (var start = 0; start + c.Spec.BatchSize <= order.Length; start += c.Spec.BatchSize)
            {
                var rows = order[start..(start + c.Spec.BatchSize)];
                c.Inline["idx"] = new IntsValue(rows);
                c.Inline["yb"] = new IntsValue([.. rows.Select(i => train.Labels[i])]);
                c.Reference(Run(c, c.Spec.Step));
            }
        }

        var predicted = Labels(c.Reference(Run(c, c.Spec.Predict)), test.Count);
        return (double)predicted.Zip(test.Labels).Count(p => p.First == p.Second) / test.Count;
    }

    private static WorkerRequest Run(CheckContext c, List<Rubrics.CallSpec> steps) =>
        new(0, "run", Args: [new FuncValue(Body(c, steps))]);

    private static List<WorkerRequest> Body(CheckContext c, List<Rubrics.CallSpec> steps) =>
        steps.Count == 0 ? throw new RubricError("accuracy needs step and predict calls") : [.. steps.Select(s => CallSteps.Request(c, s))];

    /// <summary>
    /// How many training steps go to the worker in one request: one at first, doubled (up to <see cref="MaxSteps"/>)
    /// while a request takes under <see cref="Quick"/> and halved when one takes over <see cref="Slow"/>. A request
    /// costs the host about a millisecond beyond the student's code (writing, reading and parsing the messages,
    /// reading the worker's CPU time), as much as a whole step of A1's two-layer network. The steps, their order and
    /// their data are the same however they are grouped, so the grouping (which follows the machine's speed) never
    /// changes a result; a request of several steps has the per-step CPU limit, which a group of quick steps
    /// (under <see cref="Slow"/> together) reaches only when one of them hangs.
    /// </summary>
    internal sealed class StepBatching
    {
        internal const int MaxSteps = 64;
        internal static readonly TimeSpan Quick = TimeSpan.FromMilliseconds(10);
        internal static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(40);

        /// <summary>Tests: a cap and a "quick" time for the checks run in this async flow, and the largest group they sent.</summary>
        internal static readonly AsyncLocal<Probe?> Test = new();

        private readonly int _max = Test.Value?.MaxSteps ?? MaxSteps;
        private readonly TimeSpan _quick = Test.Value?.Quick ?? Quick;

        public int StepsPerCall { get; private set; } = 1;

        /// <summary>Adjusts the group size after a request of <paramref name="sent"/> steps took <paramref name="elapsed"/>.</summary>
        public void Observe(TimeSpan elapsed, int sent)
        {
            if (Test.Value is { } probe)
            {
                probe.Largest = Math.Max(probe.Largest, sent);
            }

            StepsPerCall = elapsed < _quick ? Math.Min(_max, StepsPerCall * 2)
                : elapsed > Slow ? Math.Max(1, StepsPerCall / 2)
                : StepsPerCall;
        }

        internal sealed class Probe(int maxSteps, TimeSpan? quick = null)
        {
            public int MaxSteps { get; } = maxSteps;

            public TimeSpan Quick { get; } = quick ?? StepBatching.Quick;

            public int Largest { get; set; }
        }
    }

    private static TensorValue Tensor(NeuralNet.Tensor x) => Bytes(x.Shape, x.Contiguous().AsSpan());

    /// <summary>Values as the wire's bytes in one copy (a data set is 40 MB; each extra copy is fresh memory to fault in).</summary>
    private static TensorValue Bytes(int[] shape, ReadOnlySpan<double> values) => new(shape, MemoryMarshal.AsBytes(values).ToArray());

    /// <summary>Rows per message when a data set goes to the worker (1,000 images of 784 doubles: 6 MB).</summary>
    private const int ChunkRows = 1000;

    /// <summary>
    /// The worker's let-rows messages that bind a data set's X (rows of a matrix) in chunks: one whole-split message ran
    /// it out of memory. Values that are all pixels (byte / 255, <see cref="PixelRows"/>) go as the bytes with the scaling's
    /// table (a byte a value instead of eight; the worker decodes exactly the doubles X holds here), anything else as float64.
    /// </summary>
    internal static IEnumerable<WorkerRequest> LetRows(Dataset data, string name, string key)
    {
        var (rows, columns) = (data.Count, data.Features);
        var pixels = PixelRows.For(data);
        var contiguous = pixels is null ? data.X.Contiguous() : null;
        for (var first = 0; first < rows || first == 0; first += ChunkRows)
        {
            var count = Math.Min(ChunkRows, rows - first);
            WireValue chunk = pixels is null
                ? Bytes([count, columns], contiguous!.AsSpan().Slice(first * columns, count * columns))
                : new PixelsValue([count, columns], pixels.AsSpan(first * columns, count * columns).ToArray(), PixelRows.Table);
            yield return new WorkerRequest(0, "let-rows", Args: [chunk, new IntsValue([first, rows]), new StringValue(key)], Bind: name);
        }
    }

    /// <summary>Predicted labels from what predict returned: labels, or scores of shape (N, K) whose row argmax is the label.</summary>
    private static int[] Labels(WireValue? value, int count)
    {
        var labels = value switch
        {
            IntsValue ints => ints.Values,
            DoublesValue doubles when doubles.Values.Length == count => [.. doubles.Values.Select(v => (int)v)],
            TensorValue { Shape: [var n, var k] } t when n == count => ArgMaxRows(t.Values(), n, k),
            TensorValue { Shape: [var n] } t when n == count => [.. t.Values().Select(v => (int)v)],
            _ => throw new CheckFailure($"predict should give {count} labels or scores of shape ({count}, K), got {TensorCompare.Describe(value ?? new NullValue())}"),
        };
        return labels.Length == count ? labels : throw new CheckFailure($"predict gave {labels.Length} labels for {count} images");
    }

    /// <summary>Each row's arg-max; a row holding a NaN predicts no class (-1, always wrong) instead of whatever NaN's ordering picks.</summary>
    private static int[] ArgMaxRows(double[] values, int n, int k) =>
        [.. Enumerable.Range(0, n).Select(i => Enumerable.Range(0, k).Any(j => double.IsNaN(values[(i * k) + j])) ? -1 : Enumerable.Range(0, k).MaxBy(j => values[(i * k) + j]))];
}
