using System.Security.Cryptography;
using System.Text;

namespace NeuralNet.Data;

/// <summary>
/// The SHA-256 manifest of the shipped data (data/checksums.sha256), in the format of `sha256sum`:
/// one line per file, "&lt;64 hex digits&gt;  &lt;path relative to the data folder&gt;", so
/// `cd data &amp;&amp; sha256sum -c checksums.sha256` checks it too.
/// </summary>
public sealed class ChecksumManifest
{
    /// <summary>File name of the manifest inside the data folder.</summary>
    public const string FileName = "checksums.sha256";

    private readonly SortedDictionary<string, string> _entries;

    private ChecksumManifest(string directory, string manifestPath, SortedDictionary<string, string> entries)
    {
        Directory = directory;
        ManifestPath = manifestPath;
        _entries = entries;
    }

    /// <summary>The data folder the relative paths start from.</summary>
    public string Directory { get; }

    /// <summary>Where the manifest was read from (named in error messages).</summary>
    public string ManifestPath { get; }

    /// <summary>Relative path (forward slashes) to lower-case hex SHA-256.</summary>
    public IReadOnlyDictionary<string, string> Entries => _entries;

    /// <summary>Reads <c>checksums.sha256</c> from <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="FileNotFoundException">no manifest in that folder</exception>
    /// <exception cref="InvalidDataException">a line is not "hash  path"</exception>
    public static ChecksumManifest Load(string dataDirectory)
    {
        string path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: checksum manifest not found", path);
        }

        return Parse(File.ReadAllText(path), dataDirectory, path);
    }

    /// <summary>Parses manifest text; <paramref name="manifestPath"/> is only used in messages.</summary>
    public static ChecksumManifest Parse(string text, string dataDirectory, string manifestPath)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            // sha256sum writes "hash  path" (text mode) or "hash *path" (binary mode).
            bool wellFormed = line.Length > 66 && line[64] == ' ' && (line[65] == ' ' || line[65] == '*')
                && IsLowerOrUpperHex(line.AsSpan(0, 64));
            if (!wellFormed)
            {
                throw new InvalidDataException($"{manifestPath} line {i + 1}: expected \"<64 hex digits>  <path>\", found \"{line}\"");
            }

            entries[line[66..]] = line[..64].ToLowerInvariant();
        }

        return new ChecksumManifest(dataDirectory, manifestPath, entries);
    }

    /// <summary>Formats entries as manifest text (sorted by path, '\n' line ends), ready to write as UTF-8.</summary>
    /// <param name="entries">relative path (forward slashes) to hex SHA-256</param>
    public static byte[] Format(IReadOnlyDictionary<string, string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var text = new StringBuilder();
        foreach (var path in entries.Keys.Order(StringComparer.Ordinal))
        {
            text.Append(entries[path].ToLowerInvariant()).Append("  ").Append(path).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// Checks the file at <paramref name="relativePath"/> against the manifest and returns its full path.
    /// </summary>
    /// <param name="relativePath">path as listed, e.g. "mnist/train-images-idx3-ubyte.gz"</param>
    /// <exception cref="InvalidDataException">the file is not listed, or its SHA-256 differs (the message names the file and both hashes)</exception>
    /// <exception cref="FileNotFoundException">the file is missing</exception>
    public string Verify(string relativePath)
    {
        if (!_entries.TryGetValue(relativePath, out var expected))
        {
            throw new InvalidDataException($"{relativePath} is not listed in {ManifestPath}");
        }

        string path = Path.Combine(Directory, relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: data file listed in {ManifestPath} is missing", path);
        }

        string actual = ComputeSha256(path);
        if (actual != expected)
        {
            throw new InvalidDataException(
                $"Checksum mismatch for {relativePath} ({path}): expected SHA-256 {expected} (from {ManifestPath}), " +
                $"found {actual}. The file is damaged or was changed; restore it (git checkout -- data/) or regenerate it as data/README.md describes.");
        }

        return path;
    }

    /// <summary>Lower-case hex SHA-256 of a file's bytes.</summary>
    public static string ComputeSha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static bool IsLowerOrUpperHex(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
