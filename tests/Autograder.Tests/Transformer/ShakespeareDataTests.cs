using System.Text;
using NeuralNet;
using NeuralNet.Transformer;

namespace Autograder.Tests.Transformer;

public sealed class ShakespeareDataTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shakespeare-tests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    [Fact]
    public void Load_ShippedSonnets_VerifiesAndSplitsNinetyTen()
    {
        var data = ShakespeareData.Load(ShakespeareData.FindDataDirectory());
        Assert.StartsWith("I\nFrom fairest creatures we desire increase,\n", data.Text, StringComparison.Ordinal);
        Assert.Contains("CLIV\n", data.Text, StringComparison.Ordinal);
        Assert.Equal(data.Text.Length, data.Train.Count + data.Validation.Count);
        Assert.Equal((int)(0.9 * data.Text.Length), data.Train.Count);
        Assert.Equal('\n', data.Vocabulary.Characters[0]);
        Assert.Equal(data.Text.Distinct().Count(), data.Vocabulary.Size);
        Assert.Equal(data.Text[^1], data.Vocabulary.Characters[data.Validation[^1]]);
    }

    [Fact]
    public void LoadFile_ChangedFile_NamesFileAndBothHashes()
    {
        var path = Path.Combine(_dir, "sonnets.txt");
        var bytes = Encoding.UTF8.GetBytes("Shall I compare thee to a summer's day?\n");
        File.WriteAllBytes(path, bytes);
        var expected = new string('a', 64);
        var e = Assert.Throws<InvalidDataException>(() => ShakespeareData.LoadFile(path, expected));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains(Sha256(bytes), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFoundNamingPath()
    {
        var e = Assert.Throws<FileNotFoundException>(() => ShakespeareData.Load(_dir));
        Assert.Contains(Path.Combine(_dir, "shakespeare", "sonnets.txt"), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_InvalidUtf8_IsMalformed()
    {
        var path = Path.Combine(_dir, "bad.txt");
        byte[] bytes = [.. Encoding.ASCII.GetBytes("Shall I compare thee to a summer's day"), 0xFF, 0xFE];
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidDataException>(() => ShakespeareData.LoadFile(path, Sha256(bytes)));
        Assert.Contains("not valid UTF-8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_BinaryContent_IsMalformed()
    {
        var path = Path.Combine(_dir, "binary.txt");
        var bytes = Encoding.UTF8.GetBytes("Shall I compare thee\0 to a summer's day?\r\n");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidDataException>(() => ShakespeareData.LoadFile(path, Sha256(bytes)));
        Assert.Contains("U+0000 at character 20", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromText_TooShort_IsMalformed()
    {
        var e = Assert.Throws<InvalidDataException>(() => ShakespeareData.FromText("Shall I", "tiny.txt"));
        Assert.Contains("tiny.txt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetBatch_TargetsAreInputsShiftedByOne()
    {
        var data = ShakespeareData.FromText(string.Concat(Enumerable.Range(0, 50).Select(i => (char)('a' + (i % 26)))));
        var batch = data.GetBatch(ShakespeareSplit.Train, batchSize: 4, blockSize: 8, new Rng(71));
        Assert.Equal([4, 8], batch.Inputs.Shape);
        Assert.Equal([4, 8], batch.Targets.Shape);
        for (var b = 0; b < 4; b++)
        {
            for (var t = 0; t < 8; t++)
            {
                // Consecutive letters: the target is always the next letter of the alphabet.
                Assert.Equal((batch.Inputs[b, t] + 1) % 26, batch.Targets[b, t]);
                if (t < 7)
                {
                    Assert.Equal(batch.Targets[b, t], batch.Inputs[b, t + 1]);
                }
            }
        }
    }

    [Fact]
    public void GetBatch_SameSeed_SameBatch_AndSplitsDiffer()
    {
        var data = ShakespeareData.Load(ShakespeareData.FindDataDirectory());
        var a = data.GetBatch(ShakespeareSplit.Train, 3, 16, new Rng(72));
        var b = data.GetBatch(ShakespeareSplit.Train, 3, 16, new Rng(72));
        var validation = data.GetBatch(ShakespeareSplit.Validation, 3, 16, new Rng(72));
        Assert.Equal(a.Inputs.ToArray(), b.Inputs.ToArray());
        Assert.NotEqual(a.Inputs.ToArray(), validation.Inputs.ToArray());
        var validationText = data.Vocabulary.Decode(validation.Inputs.ToArray().Take(16).Select(v => (int)v));
        Assert.Contains(validationText, data.Text[(int)(0.9 * data.Text.Length)..], StringComparison.Ordinal);
    }

    [Fact]
    public void GetBatch_BlockSizeLongerThanSplit_Throws()
    {
        var data = ShakespeareData.FromText(new string('x', 30) + "yz");
        var e = Assert.Throws<ArgumentException>(() => data.GetBatch(ShakespeareSplit.Validation, 1, 4, new Rng(73)));
        Assert.Contains("Validation split has 4 characters", e.Message, StringComparison.Ordinal);
    }
}
