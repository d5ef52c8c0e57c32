using System.Diagnostics;
using System.Text.Json;

namespace Autograder.Worker.Written;

/// <summary>
/// Serves the worker's <c>written</c> request: compiles each answer once (<see cref="AnswerCompiler"/>)
/// and runs it on every binding it came with, within the request's time limit per answer. The
/// host's per-call limit on the whole worker process stays the outer bound.
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
        return new WrittenResponse(request.Items.Select(item => EvaluateItem(item, TimeSpan.FromMilliseconds(request.TimeLimitMs))).ToList());
    }

    private static WrittenItemResult EvaluateItem(WrittenItem item, TimeSpan limit)
    {
        using var cancel = new CancellationTokenSource(limit);
        var started = Stopwatch.GetTimestamp();
        CompiledAnswer compiled;
        try
        {
            compiled = AnswerCompiler.Compile(item.Id, item.Expression, item.Result, item.Variables, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            return new WrittenItemResult(item.Id, $"compiling the answer took longer than {limit.TotalSeconds:0.#} s", 0, null, Stopwatch.GetElapsedTime(started).TotalMilliseconds, TimedOut: true);
        }

        if (compiled.Run is null)
        {
            return new WrittenItemResult(item.Id, compiled.Failure?.Message ?? "did not compile", compiled.Failure?.Position ?? 0, null, compiled.CompileMs);
        }

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

    private static WrittenOutcome RunOnce(Func<ScriptGlobals, object> run, IReadOnlyList<WrittenVariable> variables, IReadOnlyList<WrittenValue> binding)
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

            return run(new ScriptGlobals([.. numbers], [.. matrices])) switch
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
