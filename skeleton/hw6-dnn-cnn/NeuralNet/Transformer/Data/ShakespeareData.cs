using System.Security.Cryptography;
using System.Text;

namespace NeuralNet.Transformer;

/// <summary>
/// Shakespeare's sonnets as a character-level language-modelling set (the course's stand-in for
/// tiny Shakespeare, which cannot ship here; provenance in data/shakespeare/README.md). The text is
/// encoded with its own <see cref="CharVocabulary"/> and split like the handout's notebook: the
/// first 90% of the characters train, the last 10% validate.
/// </summary>
public sealed class ShakespeareData
{
    /// <summary>Path of the text inside the repository's data folder.</summary>
    public const string RelativePath = "shakespeare/sonnets.txt";

    /// <summary>SHA-256 of data/shakespeare/sonnets.txt as tools/ShakespeareConverter writes it.</summary>
    public const string Sha256 = "467e825248a23dec74734383e6c1b471765af94c1f9657d9bea0cf682e29094f";

    /// <summary>Fraction of the characters in the training split (the notebook's <c>n = int(0.9*len(data))</c>).</summary>
    public const double TrainFraction = 0.9;

    private readonly int[] _train;
    private readonly int[] _validation;

    private ShakespeareData(string text)
    {
        Text = text;
        Vocabulary = new CharVocabulary(text);
        var tokens = Vocabulary.Encode(text);
        var n = (int)(TrainFraction * tokens.Length);
        _train = tokens[..n];
        _validation = tokens[n..];
    }

    /// <summary>The whole text.</summary>
    public string Text { get; }

    /// <summary>The characters of the text.</summary>
    public CharVocabulary Vocabulary { get; }

    /// <summary>The training tokens (first 90%).</summary>
    public IReadOnlyList<int> Train => _train;

    /// <summary>The validation tokens (last 10%).</summary>
    public IReadOnlyList<int> Validation => _validation;

    /// <summary>Loads data/shakespeare/sonnets.txt from <paramref name="dataDirectory"/>, checking its SHA-256.</summary>
    /// <param name="dataDirectory">the repository's data folder (see <see cref="FindDataDirectory"/>)</param>
    public static ShakespeareData Load(string dataDirectory) =>
        LoadFile(Path.Combine(dataDirectory, RelativePath), Sha256);

    /// <summary>Loads a UTF-8 text file whose SHA-256 must equal <paramref name="expectedSha256"/>.</summary>
    /// <exception cref="FileNotFoundException">the file is missing</exception>
    /// <exception cref="InvalidDataException">wrong checksum (both hashes named), not UTF-8, empty, or containing control characters other than '\n'</exception>
    public static ShakespeareData LoadFile(string path, string expectedSha256)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(expectedSha256);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: Shakespeare text not found; restore it (git checkout -- data/shakespeare) or regenerate it as data/shakespeare/README.md describes.", path);
        }

        var bytes = File.ReadAllBytes(path);
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException(
                $"Checksum mismatch for {path}: expected SHA-256 {expectedSha256.ToLowerInvariant()}, found {actual}. " +
                "The file is damaged or was changed; restore it (git checkout -- data/shakespeare) or regenerate it as data/shakespeare/README.md describes.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"{path}: not valid UTF-8 text ({e.Message}).", e);
        }

        return FromText(text, path);
    }

    /// <summary>Builds the set from text already in memory (tests, other corpora).</summary>
    /// <param name="text">the corpus; at least 20 characters, no control characters other than '\n'</param>
    /// <param name="source">named in error messages</param>
    public static ShakespeareData FromText(string text, string source = "text")
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 20)
        {
            throw new InvalidDataException($"{source}: expected at least 20 characters of text, found {text.Length}.");
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]) && text[i] != '\n')
            {
                throw new InvalidDataException($"{source}: unexpected control character U+{(int)text[i]:X4} at character {i}; the text must be plain lines separated by '\\n'.");
            }
        }

        return new ShakespeareData(text);
    }

    /// <summary>
    /// Random windows of the chosen split (the notebook's <c>get_batch</c>): start positions uniform in
    /// [0, len - block_size), inputs data[i .. i+block_size), targets data[i+1 .. i+block_size].
    /// </summary>
    /// <param name="split">train or validation</param>
    /// <param name="batchSize">number of sequences B</param>
    /// <param name="blockSize">sequence length T</param>
    /// <param name="rng">generator for the start positions</param>
    /// <returns>inputs and targets, each (B, T)</returns>
    public TokenBatch GetBatch(ShakespeareSplit split, int batchSize, int blockSize, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        var data = split == ShakespeareSplit.Train ? _train : _validation;
        if (data.Length <= blockSize)
        {
            throw new ArgumentException($"GetBatch: the {split} split has {data.Length} characters, too few for block_size {blockSize}.", nameof(blockSize));
        }

        var inputs = new double[batchSize * blockSize];
        var targets = new double[batchSize * blockSize];
        for (var b = 0; b < batchSize; b++)
        {
            var start = rng.NextInt(data.Length - blockSize);
            for (var t = 0; t < blockSize; t++)
            {
                inputs[b * blockSize + t] = data[start + t];
                targets[b * blockSize + t] = data[start + t + 1];
            }
        }

        return new TokenBatch(Tensor.FromArray(inputs, batchSize, blockSize), Tensor.FromArray(targets, batchSize, blockSize));
    }

    /// <summary>
    /// The repository's data folder: $AUTOGRADER_DATA when it holds <see cref="RelativePath"/> (and no
    /// <paramref name="start"/> is given), else the first "data" directory holding it found walking up from
    /// <paramref name="start"/> (default: the current directory, then the program's folder).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">no such folder above either start</exception>
    public static string FindDataDirectory(string? start = null)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("AUTOGRADER_DATA");
        if (start is null && !string.IsNullOrEmpty(fromEnvironment) && File.Exists(Path.Combine(fromEnvironment, RelativePath)))
        {
            return fromEnvironment;
        }

        string[] starts = start is null ? [Directory.GetCurrentDirectory(), AppContext.BaseDirectory] : [start];
        foreach (var origin in starts)
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data");
                if (File.Exists(Path.Combine(candidate, RelativePath)))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"No data/{RelativePath} found above {string.Join(" or ", starts)}; run from inside the repository or pass the data folder explicitly.");
    }
}
