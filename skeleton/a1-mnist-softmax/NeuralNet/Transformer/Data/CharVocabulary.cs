namespace NeuralNet.Transformer;

/// <summary>
/// A character-level vocabulary (the handout's <c>stoi</c>/<c>itos</c>): the distinct characters of
/// a text in ordinal order, so '\n' gets index 0 when present.
/// </summary>
public sealed class CharVocabulary
{
    private readonly char[] _characters;
    private readonly Dictionary<char, int> _index;

    /// <summary>Builds the vocabulary of <paramref name="text"/>.</summary>
    public CharVocabulary(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _characters = [.. text.Distinct().Order()];
        _index = _characters.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
    }

    /// <summary>Number of characters V.</summary>
    public int Size => _characters.Length;

    /// <summary>The characters, index order.</summary>
    public IReadOnlyList<char> Characters => _characters;

    /// <summary>Token index of each character.</summary>
    /// <exception cref="ArgumentException">a character is not in the vocabulary</exception>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new int[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (!_index.TryGetValue(text[i], out tokens[i]))
            {
                throw new ArgumentException($"CharVocabulary.Encode: character U+{(int)text[i]:X4} at position {i} is not in the vocabulary of {Size} characters.", nameof(text));
            }
        }

        return tokens;
    }

    /// <summary>The characters of the given token indices.</summary>
    /// <exception cref="ArgumentOutOfRangeException">an index is outside [0, V)</exception>
    public string Decode(IEnumerable<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return string.Concat(tokens.Select((t, i) => (uint)t < (uint)Size
            ? _characters[t]
            : throw new ArgumentOutOfRangeException(nameof(tokens), $"CharVocabulary.Decode: token {t} at position {i} is outside [0, {Size}).")));
    }
}
