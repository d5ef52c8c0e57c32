using System.Text.Json;
using System.Text.Json.Serialization;

namespace Autograder.Tests.Security;

/// <summary>
/// An adversarial submission's <c>expected.json</c>: what the attack is, which layer stops it, the total
/// score, and the status and points of every item the attack affects (every other item must score as
/// the PassesAll submission does). <see cref="Generated"/> names a submission the test builds at run time
/// (zips, symlinks, floods of files) from PassesAll; such a folder holds only its expected.json.
/// </summary>
internal sealed record AdversarialExpectation
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>resource, escape, deception or intake (the four categories).</summary>
    public string Category { get; init; } = "";

    public string Attack { get; init; } = "";

    /// <summary>intake, compile, policy, sandbox or host check: the first layer that contains the attack.</summary>
    public string StoppedBy { get; init; } = "";

    public string? Generated { get; init; }

    public double Score { get; init; }

    public Dictionary<string, AdversarialItem> Items { get; init; } = [];

    public static AdversarialExpectation Load(string path) =>
        JsonSerializer.Deserialize<AdversarialExpectation>(File.ReadAllText(path), Options) ?? throw new InvalidDataException($"{path} is empty");
}

/// <summary>
/// What one affected rubric item must score. <see cref="Status"/> and <see cref="MessageContains"/> may list alternatives
/// separated by '|' where the machine's load decides which limit trips first (a huge answer: the 64 MB cap or the wall clock).
/// </summary>
internal sealed record AdversarialItem
{
    public double Points { get; init; }

    public string Status { get; init; } = "";

    [JsonPropertyName("message_contains")]
    public string? MessageContains { get; init; }
}
