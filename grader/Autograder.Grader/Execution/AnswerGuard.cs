using Autograder.Worker.Protocol;

namespace Autograder.Grader.Execution;

/// <summary>
/// The host's first look at every worker answer, before any check reads it: the worker may run arbitrary
/// native code, so nothing in its answer is trusted. A tensor whose payload does not match its shape (or
/// with a negative or huge dimension) turns the answer into an error the check reports; the texts the
/// student controls (exception messages and stack traces, captured output) are cut to <see cref="MaxText"/>
/// characters with a note saying so. String values stay whole (a written answer's result, a program's
/// output file): they are data for the check, and every check message is cut the same way when the
/// outcome is made (<see cref="Results.CheckOutcome"/>).
/// </summary>
internal static class AnswerGuard
{
    /// <summary>Longest student-controlled text kept in a result (per message, per output).</summary>
    public const int MaxText = Results.TextLimit.MaxChars;

    /// <summary>Most values one answer may hold in all its tensors (as <see cref="WorkerSession.ResponseLimit"/> allows).</summary>
    public const long MaxValues = WorkerSession.ResponseLimit / sizeof(double);

    public static WorkerResponse Check(WorkerResponse response)
    {
        var budget = MaxValues;
        string? problem = null;
        var value = response.Value is null ? null : Walk(response.Value, ref budget, ref problem);
        var args = response.Args?.Select(a => Walk(a, ref budget, ref problem)).ToList();
        var output = Cut(response.Output);
        if (problem is not null)
        {
            return new WorkerResponse(response.Id, false, Error: new WireError("MalformedAnswer", $"the worker's answer is malformed: {problem}"), Output: output);
        }

        var error = response.Error is { } e ? new WireError(Cut(e.Type) ?? "?", Cut(e.Message) ?? "", Cut(e.StackTrace)) : null;
        return response with { Value = value, Args = args, Error = error, Output = output };
    }

    /// <summary>The text, or its first <see cref="MaxText"/> characters and a note of how much was cut.</summary>
    public static string? Cut(string? text) => text is null ? null : Results.TextLimit.Cut(text);

    private static WireValue Walk(WireValue value, ref long budget, ref string? problem)
    {
        switch (value)
        {
            case TensorValue t:
                if (problem is null && Malformed(t, ref budget) is { } why)
                {
                    problem = why;
                }

                return t;
            case DoublesValue d:
                budget -= d.Values?.Length ?? 0;
                return d;
            case ListValue l:
                var items = new List<WireValue>(l.Items?.Count ?? 0);
                foreach (var item in l.Items ?? [])
                {
                    items.Add(Walk(item, ref budget, ref problem));
                }

                return new ListValue(items);
            default:
                return value;
        }
    }

    private static string? Malformed(TensorValue t, ref long budget)
    {
        if (t.Shape is null || t.Data is null)
        {
            return "a tensor without a shape or data";
        }

        long count = 1;
        foreach (var dim in t.Shape)
        {
            if (dim < 0)
            {
                return $"a tensor of shape ({string.Join(", ", t.Shape)}) has a negative dimension";
            }

            // Saturates just past the cap, so a shape of many huge dimensions cannot overflow.
            count = Math.Min(count * dim, MaxValues + 1);
        }

        if (count * sizeof(double) != t.Data.LongLength)
        {
            return $"a tensor of shape ({string.Join(", ", t.Shape)}) needs {count:N0} values but carries {t.Data.LongLength / (double)sizeof(double):0.###}";
        }

        budget -= count;
        return budget < 0 ? $"the answer holds more than {MaxValues:N0} values" : null;
    }
}
