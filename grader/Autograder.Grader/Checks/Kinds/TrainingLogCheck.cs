using System.Text.Json;
using Autograder.Grader.Execution;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;
using Autograder.Worker.Protocol;
using NJsonSchema;

namespace Autograder.Grader.Checks.Kinds;

/// <summary>
/// <c>training-log</c>: the submitted log <c>file</c> must be JSON valid against <c>schema</c>
/// (default rubrics/schemas/training-log.schema.json, relative to the course root), hold only finite
/// numbers, keep accuracies in [0, 1], its arrays must have at least <c>min_entries</c> entries, and
/// it must meet the <c>expect</c> rules (<see cref="LogExpectations"/>: the run's name and settings,
/// the handout's figures as sanity ranges). The schema is parsed once per file and process.
/// </summary>
internal sealed class TrainingLogCheck : ICheckKind
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    /// <summary>Batches of the short run made before a re-run: quick mode's (the kit README states it).</summary>
    internal const int ProbeBatches = NeuralNet.Experiments.RunSettings.QuickBatches;

    /// <summary>Largest training set the short run is sent (larger batches skip it: it would no longer be short).</summary>
    private const int ProbeMaxRows = 1000;

    /// <summary>Rows per message when the rows go as pixel bytes (5,000 images: 3.9 MB, sent raw after the request's line).</summary>
    private const int ReplayPixelChunkRows = 5000;

    /// <summary>Validation rows the short run evaluates.</summary>
    private const int ProbeValidationRows = 100;

    /// <summary>Rows per message when a replay sends the data set to the worker (1,000 images of 784 doubles: 6 MB).</summary>
    private const int ReplayChunkRows = 1000;

    public string Kind => "training-log";

    public int CaseCount(CheckSpec spec) => 1;

    public void RunCase(CheckContext c, int caseIndex)
    {
        var file = c.Spec.File ?? throw new RubricError("training-log needs file");
        if (!c.Environment.Logs.TryGetValue(file, out var text))
        {
            throw new NotSubmitted($"{file} was not found in the submission; run the training command and include the log it writes");
        }

        var schemaPath = Path.Combine(c.Environment.CourseRoot, c.Spec.Schema ?? "rubrics/schemas/training-log.schema.json");
        if (!File.Exists(schemaPath))
        {
            throw new RubricError($"schema {schemaPath} does not exist");
        }

        var schema = Schemas.GetOrAdd($"{schemaPath}|{File.GetLastWriteTimeUtc(schemaPath).Ticks}", p => JsonSchema.FromFileAsync(p[..p.LastIndexOf('|')]).GetAwaiter().GetResult());
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new CheckFailure($"{file} is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            if (Diverged(document.RootElement) is { } diverged)
            {
                throw new CheckFailure($"{file}: {diverged.Path} is {diverged.Value}: the logged run diverged (a loss or accuracy became NaN or infinite), " +
                    "so the log cannot earn this item; check the backward pass and the optimizer step (dotnet test), then train again");
            }

            var errors = schema.Validate(text);
            if (errors.Count > 0)
            {
                throw new CheckFailure($"{file} does not match the log format: {string.Join("; ", errors.Take(3).Select(e => $"{e.Path}: {e.Kind}"))}");
            }

            Sane(document.RootElement, "$", file, c.Spec.MinEntries ?? 1);
            LogConsistency.Check(file, document.RootElement, c.Spec.TrainExamples);
            Unique(file, document.RootElement, c.Environment.Logs);
            if (c.Spec.Expect is { } rules)
            {
                LogExpectations.Check(file, document.RootElement, rules, c.Environment.Logs);
            }

            if (c.Spec.Replay is { } replay)
            {
                Replay(c, file, document.RootElement, replay);
            }
        }
    }

    /// <summary>Per-epoch lists a copied log would repeat exactly.</summary>
    private static readonly string[] Curves = ["train", "val", "train_loss", "val_loss"];

    /// <summary>Settings that change a run's numbers (its name, description, epochs and early stopping do not, up to a point).</summary>
    private static readonly string[] Settings = ["seed", "model", "optimizer", "data", "training.batch_size"];

    /// <summary>
    /// A log whose per-epoch accuracies and losses equal, to the last bit, those of another submitted log whose run has
    /// other settings (seed, model, optimizer, data, batch size) is a copy: two such runs never give identical curves.
    /// The grader cannot tell which of the two is the copy, so both logs' checks fail, each naming the other.
    /// </summary>
    private static void Unique(string file, JsonElement log, IReadOnlyDictionary<string, string> logs)
    {
        if (!log.TryGetProperty("config", out var config) || config.ValueKind != JsonValueKind.Object || Curve(log, "train") is not { Length: >= 2 })
        {
            return;
        }

        foreach (var (other, text) in logs.Where(l => l.Key != file && l.Key.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            try
            {
                using var otherDocument = JsonDocument.Parse(text);
                var root = otherDocument.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("config", out var otherConfig) || otherConfig.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var same = Curves.All(name => (Curve(log, name), Curve(root, name)) switch
                {
                    (null, null) => true,
                    ({ } a, { } b) => a.SequenceEqual(b),
                    _ => false,
                });
                var differ = Settings.Where(path => !JsonEqual(At(config, path), At(otherConfig, path))).ToList();
                if (same && differ.Count > 0)
                {
                    throw new CheckFailure($"{file} holds exactly the per-epoch accuracies and losses of {other}, a run with other settings ({string.Join(", ", differ.Select(d => "config." + d))}): " +
                        "two runs with different settings never give identical curves, so one of the two logs is not the output of its own run; train each run with its own configuration");
                }
            }
            catch (JsonException)
            {
                // Not JSON (a plot's text file, a broken log): that file's own check says so; nothing to compare here.
            }
        }
    }

    private static double[]? Curve(JsonElement log, string name) =>
        log.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array && list.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Number)
            ? list.EnumerateArray().Select(e => e.GetDouble()).ToArray()
            : null;

    private static JsonElement? At(JsonElement config, string path)
    {
        var node = config;
        foreach (var part in path.Split('.'))
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(part, out node))
            {
                return null;
            }
        }

        return node;
    }

    private static bool JsonEqual(JsonElement? a, JsonElement? b) =>
        (a, b) switch
        {
            (null, null) => true,
            ({ } x, { } y) => JsonElement.DeepEquals(x, y),
            _ => false,
        };

    /// <summary>
    /// Re-runs the log's first epochs with the submission's code in the worker (<c>NeuralNet.Experiments.ExperimentReplay</c>
    /// of the pristine core: the log's own config, seed and quick flag, the course's data sent from the host, the test
    /// split replaced by the validation split so its labels stay here) and compares accuracies and losses with the log's.
    /// </summary>
    private static void Replay(CheckContext c, string file, JsonElement log, ReplaySpec replay)
    {
        if (replay.Epochs < 1)
        {
            throw new RubricError($"replay.epochs must be at least 1, found {replay.Epochs}");
        }

        var config = log.TryGetProperty("config", out var echoed) && echoed.ValueKind == JsonValueKind.Object
            ? echoed
            : throw new CheckFailure($"{file}: the log has no config object, so the run cannot be re-run");
        var dataset = config.TryGetProperty("data", out var data) && data.TryGetProperty("dataset", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()!
            : throw new CheckFailure($"{file}: config.data.dataset is missing, so the run cannot be re-run");
        NeuralNet.Data.DataSplits splits;
        try
        {
            splits = CourseData.Load(c.Environment.CourseRoot, dataset);
        }
        catch (ArgumentException e)
        {
            throw new CheckFailure($"{file}: config.data.dataset '{dataset}' is not a data set of this course ({e.Message})");
        }

        var logged = new[] { "train", "val", "train_loss", "val_loss" }
            .Select(k => log.TryGetProperty(k, out var list) && list.ValueKind == JsonValueKind.Array && list.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number)
                ? list.EnumerateArray().Select(v => v.GetDouble()).ToArray()
                : throw new CheckFailure($"{file}: '{k}' is missing or not a list of numbers, so the run cannot be compared with a re-run"))
            .ToArray();
        if (logged.Any(l => l.Length == 0))
        {
            throw new CheckFailure($"{file}: the log has no epoch to compare with a re-run");
        }

        var epochs = Math.Min(replay.Epochs, logged.Min(l => l.Length));
        var budget = TimeSpan.FromSeconds(c.Spec.TimeoutSeconds ?? ReplaySpec.DefaultTimeoutSeconds);
        var quick = log.TryGetProperty("quick", out var q) && q.ValueKind == JsonValueKind.True;
        var probe = replay.ProbeSeconds is { } probeSeconds ? TimeSpan.FromSeconds(probeSeconds) : c.StudentCallTimeout ?? WorkerLimits.Default.CallTimeout;
        var probing = false;
        WireValue? value;
        try
        {
            c.Student(new WorkerRequest(0, "reset"));
            var batch = config.TryGetProperty("training", out var training) && training.TryGetProperty("batch_size", out var b) && b.TryGetInt32(out var size) ? size : 0;
            if (!quick && batch > 0 && ProbeBatches * batch <= Math.Min(ProbeMaxRows, splits.Train.Count))
            {
                // A short run first, on a small budget of its own (the per-call limit unless probe_seconds says otherwise), so
                // code that hangs is stopped after seconds rather than the whole budget: the log's experiment in quick mode
                // (NeuralNet.Experiments.RunSettings: 20 batches) on just the rows those batches need and a few validation rows.
                // Only its time counts: any other failure (an exception, a crash: the next request starts a fresh worker)
                // is the full re-run's to report, on the full data.
                probing = true;
                try
                {
                    Send(c, "log_probe", splits, ProbeBatches * batch, Math.Min(ProbeValidationRows, splits.Validation.Count));
                    c.Student(new WorkerRequest(0, "call", Target: "log_probe", Member: "FirstEpochs",
                        Args: [new StringValue(config.GetRawText()), new BoolValue(true), new IntValue(1)]), probe);
                }
                catch (Exception e) when (e is StudentFault or WorkerFailure { Status: not CheckStatus.Timeout })
                {
                }

                probing = false;
                c.Student(new WorkerRequest(0, "reset"));
            }

            Send(c, "log_replay", splits, splits.Train.Count, splits.Validation.Count);
            value = c.Student(new WorkerRequest(0, "call", Target: "log_replay", Member: "FirstEpochs",
                Args: [new StringValue(config.GetRawText()), new BoolValue(quick), new IntValue(epochs)]), budget).Value;
        }
        catch (WorkerFailure failure) when (failure.Status == CheckStatus.Timeout)
        {
            throw new WorkerFailure(CheckStatus.Timeout, probing
                ? $"{file}: a short re-run of the logged experiment with your code (its first {ProbeBatches} batches, made before re-running epoch 1 to compare it with the log) {failure.Message}; " +
                  "a correct solution, even in plain loops, takes well under a second for it"
                : $"{file}: re-running the first {epochs} epoch(s) of the logged run with your code did not finish within {budget.TotalSeconds:0.#} s of CPU time " +
                  "(the grader compares them with the log, so the log must come from your submitted code)");
        }
        finally
        {
            // Frees the data in the worker; after a timeout or crash there is nothing left to free.
            try
            {
                c.Student(new WorkerRequest(0, "reset"));
            }
            catch (Exception e) when (e is WorkerFailure or StudentFault)
            {
            }
        }

        var replayed = value is DoublesValue d && d.Values.Length == epochs * 4
            ? d.Values
            : throw new RubricError($"ExperimentReplay.FirstEpochs returned {TensorCompare.Describe(value ?? new NullValue())}, expected {epochs * 4} numbers");
        var labels = new[] { "train accuracy", "validation accuracy", "train loss", "validation loss" };
        var differences = new List<string>();
        for (var e = 0; e < epochs; e++)
        {
            for (var k = 0; k < 4; k++)
            {
                var (want, got) = (logged[k][e], replayed[(e * 4) + k]);
                var ok = k < 2
                    ? Math.Abs(want - got) <= replay.AccuracyTolerance
                    : Math.Abs(want - got) <= replay.LossTolerance * Math.Max(Math.Abs(got), 1e-12);
                if (!ok)
                {
                    differences.Add($"epoch {e + 1} {labels[k]}: the log says {want:0.######}, your code gives {got:0.######}");
                }
            }
        }

        if (differences.Count > 0)
        {
            throw new CheckFailure(
                $"{file} does not match a re-run of its own experiment with your submitted code (same config and seed): {string.Join("; ", differences.Take(4))}. " +
                $"Train again with the code you submit and submit the new log (a re-run may differ by {replay.AccuracyTolerance:0.####} in accuracy and {replay.LossTolerance * 100:0.####} % in loss)");
        }
    }

    /// <summary>
    /// Creates an <c>ExperimentReplay</c> bound to <paramref name="name"/> in the worker and sends it the first rows of the
    /// training and validation splits: as pixel bytes where every value is a byte / 255 (the image loaders' scaling; an
    /// eighth of the doubles, which the worker scales back bit for bit), else as doubles, in chunks either way.
    /// </summary>
    private static void Send(CheckContext c, string name, NeuralNet.Data.DataSplits splits, int trainRows, int validationRows)
    {
        c.Student(new WorkerRequest(0, "new", Type: "NeuralNet.Experiments.ExperimentReplay", Bind: name,
            Args: [new IntValue(splits.Train.ImageHeight), new IntValue(splits.Train.ImageWidth), new IntValue(splits.Train.NumClasses)]));
        foreach (var (member, set, count) in new[] { ("Train", splits.Train, trainRows), ("Validation", splits.Validation, validationRows) })
        {
            var pixels = PixelRows.For(set);
            var chunk = pixels is null ? ReplayChunkRows : ReplayPixelChunkRows;
            for (var start = 0; start < count; start += chunk)
            {
                var rows = Math.Min(chunk, count - start);
                var labels = new IntsValue(set.Labels[start..(start + rows)]);
                c.Student(new WorkerRequest(0, "call", Target: name, Member: pixels is null ? $"Add{member}" : $"Add{member}Pixels",
                    Args: pixels is null
                        ? [TensorValue.From([rows, set.Features], set.X.Slice(start, rows).ToArray()), labels]
                        : [new BytesValue(pixels[(start * set.Features)..((start + rows) * set.Features)]), labels]));
            }
        }
    }

    /// <summary>The first "NaN", "Infinity" or "-Infinity" a diverged run wrote for a number (outside the config's echo), or null.</summary>
    private static (string Path, string Value)? Diverged(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var p in root.EnumerateObject().Where(p => p.Name is not ("config" or "name" or "assignment")))
        {
            var values = p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().Select((v, i) => (Path: $"{p.Name}[{i}]", Value: v)) : [(Path: p.Name, Value: p.Value)];
            foreach (var (path, value) in values)
            {
                if (value.ValueKind == JsonValueKind.String && value.GetString() is "NaN" or "Infinity" or "-Infinity")
                {
                    return (path, value.GetString()!);
                }
            }
        }

        return null;
    }

    private static void Sane(JsonElement element, string path, string file, int minEntries)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    // min_entries is about the per-epoch lists at the top; nested arrays (the config's echo) may be empty.
                    Sane(p.Value, $"{path}.{p.Name}", file, path == "$" ? minEntries : 0);
                    if (p.Name.Contains("acc", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.Array
                        && p.Value.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Number && v.GetDouble() is < 0 or > 1))
                    {
                        throw new CheckFailure($"{file}: {path}.{p.Name} holds accuracies outside [0, 1]");
                    }
                }

                break;
            case JsonValueKind.Array:
                if (element.GetArrayLength() < minEntries)
                {
                    throw new CheckFailure($"{file}: {path} has {element.GetArrayLength()} entries, expected at least {minEntries}");
                }

                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Sane(item, $"{path}[{i++}]", file, 0);
                }

                break;
            case JsonValueKind.Number when !double.IsFinite(element.GetDouble()):
                throw new CheckFailure($"{file}: {path} is not a finite number");
        }
    }
}
