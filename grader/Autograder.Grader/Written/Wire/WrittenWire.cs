using System.Text.Json;
using System.Text.Json.Serialization;

namespace Autograder.Grader.Written.Wire;

/// <summary>
/// The host's copy of the worker's <c>written</c> request payload (the grader does not reference the
/// untrusted worker assembly; a test round-trips these records through the worker's own). Only the
/// answers and the input bindings travel; the reference values stay on the host.
/// </summary>
public static class WrittenWire
{
    public const string Op = "written";

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(WrittenRequest request) => JsonSerializer.Serialize(request, Options);

    public static WrittenResponse DeserializeResponse(string json) =>
        JsonSerializer.Deserialize<WrittenResponse>(json, Options) ?? throw new JsonException("written: empty response");
}

public sealed record WrittenRequest(IReadOnlyList<WrittenItem> Items, int TimeLimitMs = 10000);

public sealed record WrittenItem(
    string Id,
    string Expression,
    string Result,
    IReadOnlyList<WrittenVariable> Variables,
    IReadOnlyList<IReadOnlyList<WrittenValue>> Bindings);

public sealed record WrittenVariable(string Name, bool IsMatrix);

/// <summary>A number (<paramref name="Rows"/> = 0, one value) or a row-major matrix.</summary>
public sealed record WrittenValue(double[] Data, int Rows = 0, int Cols = 0)
{
    [JsonIgnore]
    public bool IsNumber => Rows == 0;
}

public sealed record WrittenResponse(IReadOnlyList<WrittenItemResult> Items);

public sealed record WrittenItemResult(string Id, string? Error, int Position, IReadOnlyList<WrittenOutcome>? Values, double CompileMs, bool TimedOut = false);

public sealed record WrittenOutcome(WrittenValue? Value, string? Error);
