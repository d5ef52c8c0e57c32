using System.IO.Compression;
using System.Text;
using Autograder.Grader.Intake;

namespace Autograder.Tests.Grader;

public sealed class SubmissionIntakeTests
{
    private static readonly string[] Expected = ["Layers/Linear.cs", "Layers/Relu.cs"];

    private static string Folder(params (string Path, byte[] Bytes)[] files)
    {
        var dir = Directory.CreateTempSubdirectory("intake-").FullName;
        foreach (var (path, bytes) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, path))!);
            File.WriteAllBytes(Path.Combine(dir, path), bytes);
        }

        return dir;
    }

    private static string Zip(params (string Name, byte[] Bytes)[] entries)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("intake-zip-").FullName, "submission.zip");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, bytes) in entries)
        {
            using var stream = archive.CreateEntry(name).Open();
            stream.Write(bytes);
        }

        return path;
    }

    private static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Read_NestedAndFlatFiles_AreBothMatched()
    {
        var dir = Folder(("hw/Layers/Linear.cs", Text("class A {}")), ("Relu.cs", Text("class B {}")), ("notes.txt", Text("x")));

        var result = SubmissionIntake.Read(dir, Expected, [], IntakeLimits.Default);

        Assert.Equal("class A {}", result.Files["Layers/Linear.cs"]);
        Assert.Equal("class B {}", result.Files["Layers/Relu.cs"]);
        Assert.Contains("notes.txt", result.Ignored);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Read_TwoCandidatesForOneFile_IsAmbiguous()
    {
        var dir = Folder(("a/Relu.cs", Text("1")), ("b/Relu.cs", Text("2")), ("Layers/Linear.cs", Text("3")));

        var result = SubmissionIntake.Read(dir, Expected, [], IntakeLimits.Default);

        Assert.False(result.Files.ContainsKey("Layers/Relu.cs"));
        Assert.Contains(result.Problems, p => p.Message.StartsWith("ambiguous", StringComparison.Ordinal));
        Assert.True(result.Rejected.ContainsKey("Layers/Relu.cs"));
    }

    [Fact]
    public void Read_OversizedAndNonUtf8Files_AreRejectedWithReasons()
    {
        var dir = Folder(("Layers/Linear.cs", new byte[2000]), ("Layers/Relu.cs", [0x63, 0xFF, 0xFE, 0x00]));

        var result = SubmissionIntake.Read(dir, Expected, [], new IntakeLimits(MaxFileBytes: 1000));

        Assert.Contains("too large", result.Rejected["Layers/Linear.cs"], StringComparison.Ordinal);
        Assert.Contains("not UTF-8", result.Rejected["Layers/Relu.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ZipEntriesEscapingTheFolder_AreReportedAndNotRead()
    {
        var zip = Zip(("../Layers/Linear.cs", Text("evil")), ("/etc/Relu.cs", Text("evil")), ("ok/Layers/Relu.cs", Text("fine")));

        var result = SubmissionIntake.Read(zip, Expected, [], IntakeLimits.Default);

        Assert.Equal(2, result.Problems.Count(p => p.Message.Contains("must stay inside", StringComparison.Ordinal)));
        Assert.Equal("fine", result.Files["Layers/Relu.cs"]);
        Assert.Contains("Layers/Linear.cs", result.Missing);
    }

    [Fact]
    public void Read_ZipBomb_StopsAtTheTotalCap()
    {
        var zip = Zip(("Layers/Linear.cs", new byte[600]), ("Layers/Relu.cs", new byte[600]));

        var result = SubmissionIntake.Read(zip, Expected, [], new IntakeLimits(MaxFileBytes: 1000, MaxTotalBytes: 1000));

        Assert.Contains(result.Problems, p => p.Message.Contains("expands to more than", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_TooManyEntries_AreCapped()
    {
        var dir = Folder([.. Enumerable.Range(0, 20).Select(i => ($"f{i:00}.txt", Text("x")))]);

        var result = SubmissionIntake.Read(dir, Expected, [], new IntakeLimits(MaxEntries: 5));

        Assert.Contains(result.Problems, p => p.Message.StartsWith("too many files", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_Symlink_IsRejected()
    {
        var dir = Folder(("real.cs", Text("x")));
        Directory.CreateDirectory(Path.Combine(dir, "Layers"));
        File.CreateSymbolicLink(Path.Combine(dir, "Layers", "Linear.cs"), Path.Combine(dir, "real.cs"));

        var result = SubmissionIntake.Read(dir, Expected, [], IntakeLimits.Default);

        Assert.False(result.Files.ContainsKey("Layers/Linear.cs"));
        Assert.Contains(result.Problems, p => p.Message.StartsWith("symbolic links", StringComparison.Ordinal));
    }
}
