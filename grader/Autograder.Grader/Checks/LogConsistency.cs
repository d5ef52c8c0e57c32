using System.Text.Json;

namespace Autograder.Grader.Checks;

/// <summary>
/// What a training log implies must hold together (issue 14: logs tied to the code, not taken on trust): every
/// per-epoch list as long as the epochs run; fewer epochs than configured only when early stopping fired;
/// <c>updates</c> a whole number of batches per epoch, and with <c>train_examples</c> exactly the batches that many
/// examples make; epoch times positive and, all together, at least what the logged updates need at 100 GFLOP/s
/// (6 floating-point operations per parameter per example, forward and backward); a validation or test loss no
/// smaller than what its error rate forces on a softmax cross-entropy (a misclassified example has p ≤ 1/2, so
/// loss ≥ (1 − accuracy)·ln 2). A hand-written log (100 % accuracy, one update, 0 s epochs) fails with the first
/// contradiction named.
/// </summary>
internal static class LogConsistency
{
    /// <summary>A generous upper bound of what one CPU core computes per second.</summary>
    private const double FlopsPerSecond = 1e11;

    public static void Check(string file, JsonElement log, int? trainExamples)
    {
        var train = Numbers(log, "train");
        if (train is null || train.Length == 0)
        {
            return;
        }

        var epochs = train.Length;
        foreach (var name in new[] { "val", "train_loss", "val_loss", "learning_rate", "epoch_seconds" })
        {
            if (Numbers(log, name) is { } list && list.Length != epochs)
            {
                throw new CheckFailure($"{file}: {name} has {list.Length} entries but train has {epochs}: every per-epoch list has one entry per epoch run");
            }
        }

        var training = Path(log, "config", "training");
        var configured = Int(training, "epochs");
        var quick = log.TryGetProperty("quick", out var q) && q.ValueKind == JsonValueKind.True;
        var stopped = log.TryGetProperty("early_stopped", out var s) && s.ValueKind == JsonValueKind.True;
        if (configured is { } planned && !quick)
        {
            if (epochs > planned)
            {
                throw new CheckFailure($"{file}: {epochs} epochs logged, but config.training.epochs is {planned}");
            }

            if (epochs < planned && !stopped)
            {
                throw new CheckFailure($"{file}: {epochs} of {planned} epochs logged and early_stopped is false: the run was cut short (a full run logs every epoch)");
            }
        }

        if (Int(log, "best_epoch") is { } best && (best < 0 || best > epochs))
        {
            throw new CheckFailure($"{file}: best_epoch {best} is outside the {epochs} epochs run");
        }

        var batch = Int(training, "batch_size");
        if (Int(log, "updates") is { } updates && batch is > 0)
        {
            if (updates % epochs != 0 || updates < epochs)
            {
                throw new CheckFailure($"{file}: {updates} updates over {epochs} epochs is not a whole number of batches per epoch (at least one each)");
            }

            var perEpoch = updates / epochs;
            if (trainExamples is { } examples && !quick)
            {
                var dropLast = training is { } t && t.TryGetProperty("drop_last", out var d) && d.ValueKind == JsonValueKind.True;
                var want = dropLast ? examples / batch.Value : (examples + batch.Value - 1) / batch.Value;
                if (perEpoch != want)
                {
                    throw new CheckFailure($"{file}: {perEpoch} updates per epoch, but {examples} training examples in batches of {batch} make {want}{(dropLast ? " (the last short batch dropped)" : "")}");
                }
            }

            if (Numbers(log, "epoch_seconds") is { } seconds && Int(log, "parameters") is { } parameters && !quick)
            {
                if (seconds.Any(v => v <= 0))
                {
                    throw new CheckFailure($"{file}: epoch_seconds holds {Format(seconds.First(v => v <= 0))}: an epoch of {perEpoch} updates takes time");
                }

                var floor = 6.0 * parameters * updates * batch.Value / FlopsPerSecond;
                if (seconds.Sum() < floor)
                {
                    throw new CheckFailure(
                        $"{file}: epoch_seconds add up to {Format(seconds.Sum())} s, but {updates} updates of {batch} examples through {parameters} parameters need at least " +
                        $"{Format(floor)} s even at {FlopsPerSecond / 1e9:0} GFLOP/s: the times do not come from this run");
                }
            }
        }

        foreach (var (accuracy, loss) in new[] { ("val", "val_loss"), ("test", "test_loss") })
        {
            var accuracies = Numbers(log, accuracy);
            var losses = Numbers(log, loss);
            if (accuracies is null || losses is null || accuracies.Length != losses.Length)
            {
                continue;
            }

            for (var i = 0; i < accuracies.Length; i++)
            {
                var least = (1 - accuracies[i]) * Math.Log(2);
                if (losses[i] < least - 1e-6)
                {
                    var where = accuracies.Length == 1 ? "" : $"[{i}]";
                    throw new CheckFailure(
                        $"{file}: {loss}{where} = {Format(losses[i])} is impossible with {accuracy}{where} = {Format(accuracies[i])}: every misclassified example adds at least ln 2 / N to a cross-entropy, so the loss is at least {Format(least)}");
                }
            }
        }
    }

    /// <summary>A number or a list of numbers under <paramref name="name"/> as an array; null when absent or not numeric.</summary>
    private static double[]? Numbers(JsonElement log, string name)
    {
        if (!log.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => [value.GetDouble()],
            JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number) => [.. value.EnumerateArray().Select(v => v.GetDouble())],
            _ => null,
        };
    }

    private static JsonElement? Path(JsonElement log, params string[] names)
    {
        var at = log;
        foreach (var name in names)
        {
            if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(name, out at))
            {
                return null;
            }
        }

        return at;
    }

    private static int? Int(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    private static string Format(double v) => v.ToString("g4", System.Globalization.CultureInfo.InvariantCulture);
}
