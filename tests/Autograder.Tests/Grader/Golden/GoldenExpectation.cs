using System.Text.Json;
using System.Text.Json.Serialization;

namespace Autograder.Tests.Grader.Golden;

/// <summary>
/// A golden submission's <c>expected.json</c>: the total score, each item's points and status, and
/// optional text its messages or output must contain.
/// </summary>
internal sealed record GoldenExpectation
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, ReadCommentHandling = JsonCommentHandling.Skip };

    public string Description { get; init; } = "";

    public double Score { get; init; }

    /// <summary>Every check that did not pass must have a message starting with this (the Skeleton rule).</summary>
    public string? MessagesStartWith { get; init; }

    public Dictionary<string, GoldenItem> Items { get; init; } = [];

    /// <summary>Text the submission-wide messages must contain (an edited provided region named, the carried-forward note).</summary>
    public string? SubmissionMessageContains { get; init; }

    /// <summary>Text some item's notes must contain (e.g. "error carried forward").</summary>
    public string? NoteContains { get; init; }

    public static GoldenExpectation Load(string path) =>
        JsonSerializer.Deserialize<GoldenExpectation>(File.ReadAllText(path), Options) ?? throw new InvalidDataException($"{path} is empty");
}

/// <summary>What one rubric item of a golden submission must score.</summary>
internal sealed record GoldenItem
{
    public double Points { get; init; }

    public string Status { get; init; } = "passed";

    [JsonPropertyName("message_contains")]
    public string? MessageContains { get; init; }

    [JsonPropertyName("output_contains")]
    public string? OutputContains { get; init; }

    /// <summary>Text one of this item's notes must contain (how error carried forward graded it).</summary>
    [JsonPropertyName("note_contains")]
    public string? NoteContains { get; init; }

    /// <summary>The item's own checks decided it: no note (no error carried forward, no re-run with reference parts).</summary>
    public bool Direct { get; init; }
}
