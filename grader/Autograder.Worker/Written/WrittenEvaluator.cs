using System.Diagnostics;
using System.Text.Json;

namespace Autograder.Worker.Written;

/// <summary>
/// Serves the worker's <c>written</c> request: compiles all answers in one go
/// (<see cref="AnswerCompiler"/>) and runs each on every binding it came with. The request's time
/// limit bounds the compilation and, separately, each answer's runs; the host's per-call limit on
/// the whole worker process stays the outer bound.
/// </summary>
internal static class WrittenEvaluator
{
    /// <summary>The request dispatcher's entry point: a JSON <see cref="WrittenRequest"/> in, a JSON <see cref="WrittenResponse"/> out.</summary>
    public static string Handle(string requestJson)
    {
        var request = JsonSerializer.Deserialize<WrittenRequest>(requestJson, WrittenWire.Options)
            ?? throw new JsonException("written: empty request");
        return JsonSerializer.Serialize(Evaluate(request), WrittenWire.Options);
    }

    public static WrittenResponse Evaluate(WrittenRequest request)
    {
        AnswerCompiler.WarmUp();
        var limit = TimeSpan.FromMilliseconds(request.TimeLimitMs);
        IReadOnlyList<CompiledAnswer> compiled;
        using (var cancel = new CancellationTokenSource(limit))
        {
            try
            {
                compiled = AnswerCompiler.CompileBatch(request.Items, cancel.Token);
            }
            catch (OperationCanceledException)
            {
                var message = $"compiling the answers took longer than {limit.TotalSeconds:0.#} s";
                return new WrittenResponse(request.Items.Select(i => new WrittenItemResult(i.Id, message, 0, null, limit.TotalMilliseconds, TimedOut: true)).ToList());
            }
        }

        return new WrittenResponse(request.Items.Select((item, i) => Run(item, compiled[i], limit)).ToList());
    }

    private static WrittenItemResult Run(WrittenItem item, CompiledAnswer compiled, TimeSpan limit)
    {
        if (compiled.Run is null)
        {
            return new WrittenItemResult(item.Id, compiled.Failure?.Message ?? "did not compile", compiled.Failure?.Position ?? 0, null, compiled.CompileMs);
        }

        var started = Stopwatch.GetTimestamp();
        var outcomes = new List<WrittenOutcome>(item.Bindings.Count);
        foreach (var binding in item.Bindings)
        {
            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                return new WrittenItemResult(item.Id, $"evaluating the answer took longer than {limit.TotalSeconds:0.#} s", 0, null, compiled.CompileMs, TimedOut: true);
            }

            outcomes.Add(RunOnce(compiled.Run, item.Variables, binding));
        }

        return new WrittenItemResult(item.Id, null, 0, outcomes, compiled.CompileMs);
    }

    private static WrittenOutcome RunOnce(Func<AnswerGlobals, object> run, IReadOnlyList<WrittenVariable> variables, IReadOnlyList<WrittenValue> binding)
    {
        try
        {
            if (binding.Count != variables.Count)
            {
                throw new ArgumentException($"binding has {binding.Count} values for {variables.Count} variables");
            }

            var numbers = new List<double>();
            var matrices = new List<Mat>();
            for (var i = 0; i < variables.Count; i++)
            {
                var value = binding[i];
                if (variables[i].IsMatrix)
                {
                    matrices.Add(new Mat(value.Rows, value.Cols, value.Data));
                }
                else
                {
                    numbers.Add(value.IsNumber && value.Data.Length == 1 ? value.Data[0] : throw new ArgumentException($"'{variables[i].Name}' is a number but was bound to a matrix"));
                }
            }

            return run(new AnswerGlobals([.. numbers], [.. matrices])) switch
            {
                double d => new WrittenOutcome(new WrittenValue([d]), null),
                Mat m => new WrittenOutcome(new WrittenValue(m.ToArray(), m.Rows, m.Cols), null),
                var other => new WrittenOutcome(null, $"unexpected result of type {other.GetType().Name}"),
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or ArithmeticException or IndexOutOfRangeException or NullReferenceException)
        {
            return new WrittenOutcome(null, ex.Message);
        }
    }
}
