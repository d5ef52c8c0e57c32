using NeuralNet.Transformer;

namespace Autograder.Tests.Transformer;

public sealed class CharVocabularyTests
{
    [Fact]
    public void EncodeDecode_RoundTrip_InOrdinalOrder()
    {
        var vocabulary = new CharVocabulary("to be,\nor not");
        Assert.Equal("\n ,benort", string.Concat(vocabulary.Characters));
        Assert.Equal([8, 6, 1, 3, 4], vocabulary.Encode("to be"));
        Assert.Equal("or not to be", vocabulary.Decode(vocabulary.Encode("or not to be")));
    }

    [Fact]
    public void Encode_UnknownCharacter_NamesItsPosition()
    {
        var e = Assert.Throws<ArgumentException>(() => new CharVocabulary("abc").Encode("abz"));
        Assert.Contains("U+007A at position 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TokenOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CharVocabulary("abc").Decode([0, 3]));
    }
}
