namespace ShakespeareConverter;

/// <summary>One sonnet as the npm package stores it.</summary>
internal sealed record Sonnet(int Number, IReadOnlyList<string> Lines);
