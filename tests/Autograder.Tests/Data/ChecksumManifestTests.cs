using System.Text;
using NeuralNet.Data;

namespace Autograder.Tests.Data;

public sealed class ChecksumManifestTests : IDisposable
{
    // SHA-256 of the ASCII text "abc" (FIPS 180-2 test vector).
    private const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private ChecksumManifest WriteManifest(string text)
    {
        _dir.Write(ChecksumManifest.FileName, text);
        return ChecksumManifest.Load(_dir.Path);
    }

    [Fact]
    public void Verify_MatchingFile_ReturnsItsFullPath()
    {
        string file = _dir.Write("set/a.txt", "abc");
        var manifest = WriteManifest($"{AbcSha256}  set/a.txt\n");

        Assert.Equal(file, manifest.Verify("set/a.txt"));
    }

    [Fact]
    public void Verify_ChangedFile_NamesFileAndBothHashes()
    {
        _dir.Write("set/a.txt", "abd");
        var manifest = WriteManifest($"{AbcSha256}  set/a.txt\n");
        string found = ChecksumManifest.ComputeSha256(_dir.File("set/a.txt"));

        var e = Assert.Throws<InvalidDataException>(() => manifest.Verify("set/a.txt"));

        Assert.StartsWith("Checksum mismatch for set/a.txt", e.Message);
        Assert.Contains($"expected SHA-256 {AbcSha256}", e.Message);
        Assert.Contains($"found {found}", e.Message);
        Assert.Contains(manifest.ManifestPath, e.Message);
    }

    [Fact]
    public void Verify_UnlistedFile_IsRefused()
    {
        _dir.Write("other.txt", "abc");
        var manifest = WriteManifest($"{AbcSha256}  set/a.txt\n");

        var e = Assert.Throws<InvalidDataException>(() => manifest.Verify("other.txt"));

        Assert.Equal($"other.txt is not listed in {manifest.ManifestPath}", e.Message);
    }

    [Fact]
    public void Verify_MissingFile_NamesIt()
    {
        var manifest = WriteManifest($"{AbcSha256}  set/a.txt\n");

        var e = Assert.Throws<FileNotFoundException>(() => manifest.Verify("set/a.txt"));

        Assert.Contains("set", e.Message);
        Assert.Contains("is missing", e.Message);
    }

    [Fact]
    public void Load_MalformedLine_NamesLineNumber()
    {
        var e = Assert.Throws<InvalidDataException>(() => WriteManifest($"{AbcSha256}  a.txt\nnot a checksum line\n"));

        Assert.Contains("checksums.sha256 line 2: expected \"<64 hex digits>  <path>\"", e.Message);
    }

    [Fact]
    public void Format_SortsByPathAndParsesBack()
    {
        var entries = new Dictionary<string, string> { ["b/x.gz"] = AbcSha256, ["a/y.gz"] = AbcSha256.ToUpperInvariant() };

        string text = Encoding.UTF8.GetString(ChecksumManifest.Format(entries));
        var parsed = ChecksumManifest.Parse(text, _dir.Path, "test manifest");

        Assert.Equal($"{AbcSha256}  a/y.gz\n{AbcSha256}  b/x.gz\n", text);
        Assert.Equal(["a/y.gz", "b/x.gz"], parsed.Entries.Keys);
    }

    [Fact]
    public void Parse_AcceptsSha256sumBinaryMarker()
    {
        var parsed = ChecksumManifest.Parse($"{AbcSha256} *a.bin\r\n", _dir.Path, "m");

        Assert.Equal(AbcSha256, parsed.Entries["a.bin"]);
    }
}
