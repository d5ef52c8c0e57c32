using System.Text.Json;
using System.Text.Json.Serialization;

namespace Autograder.Worker.Written;

/// <summary>
/// The payload of the worker's <c>written</c> request and its answer, as JSON (camelCase, NaN and
/// Inf allowed). The host sends only the answers and the input bindings, never the reference
/// values; the worker returns the raw values the answers produced.
/// </summary>
internal static class WrittenWire
{
    public const string Op = "written";

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}

/// <summary>Answers to evaluate, each on its own bindings; <paramref name="TimeLimitMs"/> bounds each answer's compile + runs.</summary>
internal sealed record WrittenRequest(IReadOnlyList<WrittenItem> Items, int TimeLimitMs = 10000);

/// <summary>
/// One answer: <paramref name="Result"/> is <c>number</c> or <c>matrix</c>; each binding lists one
/// value per variable, in <paramref name="Variables"/>' order.
/// </summary>
internal sealed record WrittenItem(
    string Id,
    string Expression,
    string Result,
    IReadOnlyList<WrittenVariable> Variables,
    IReadOnlyList<IReadOnlyList<WrittenValue>> Bindings);

internal sealed record WrittenVariable(string Name, bool IsMatrix);

/// <summary>A number (<paramref name="Rows"/> = 0, one value) or a row-major matrix.</summary>
internal sealed record WrittenValue(double[] Data, int Rows = 0, int Cols = 0)
{
    [JsonIgnore]
    public bool IsNumber => Rows == 0;
}

internal sealed record WrittenResponse(IReadOnlyList<WrittenItemResult> Items);

/// <summary>
/// An answer's outcome: <paramref name="Error"/> (with a 1-based position in the answer, 0 when
/// none) when it was refused or did not compile, else one outcome per binding.
/// </summary>
internal sealed record WrittenItemResult(string Id, string? Error, int Position, IReadOnlyList<WrittenOutcome>? Values, double CompileMs, bool TimedOut = false);

/// <summary>The value at one binding, or the error it raised there.</summary>
internal sealed record WrittenOutcome(WrittenValue? Value, string? Error);
