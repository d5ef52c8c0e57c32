using Autograder.Grader.Batch;

namespace Autograder.Tests.Batch;

public sealed class SubmissionScannerTests
{
    [Fact]
    public void Scan_FoldersAndZips_AreOneStudentEach_AndEveryOtherEntryARejectedRow()
    {
        var folder = Directory.CreateTempSubdirectory("scan-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "zed"));
        Directory.CreateDirectory(Path.Combine(folder, ".hidden"));
        File.WriteAllText(Path.Combine(folder, "amy.zip"), "PK");
        File.WriteAllText(Path.Combine(folder, "roster.csv"), "");

        var found = SubmissionScanner.Scan(folder);

        Assert.Equal(["amy", "roster.csv", "zed"], found.Select(s => s.Student));
        Assert.Null(found[0].Problem);
        Assert.Equal("roster.csv is not a submission: expected a folder, a .zip or a .tar.gz", found[1].Problem);
        Assert.Null(found[2].Problem);
    }

    [Fact]
    public void Scan_LinksFifosAndEmptyZips_AreRejectedByName_WithoutBeingOpened()
    {
        var folder = Directory.CreateTempSubdirectory("scan-").FullName;
        var elsewhere = Directory.CreateTempSubdirectory("scan-target-").FullName;
        Directory.CreateSymbolicLink(Path.Combine(folder, "linked"), elsewhere);
        File.CreateSymbolicLink(Path.Combine(folder, "device.zip"), "/dev/zero");
        MakeFifo(Path.Combine(folder, "pipe.zip"));
        File.WriteAllText(Path.Combine(folder, "empty.zip"), "");

        var found = SubmissionScanner.Scan(folder).ToDictionary(s => s.Student, s => s.Problem);

        Assert.Equal("linked is a symbolic link; submit the folder or zip itself", found["linked"]);
        Assert.Equal("device.zip is a symbolic link; submit the folder or zip itself", found["device"]);
        Assert.Equal("pipe.zip is empty (or not a regular file)", found["pipe"]);
        Assert.Equal("empty.zip is empty (or not a regular file)", found["empty"]);
    }

    [Fact]
    public void Scan_EmptyFolder_IsAnErrorNamingTheFolder()
    {
        var folder = Directory.CreateTempSubdirectory("scan-").FullName;

        var error = Assert.Throws<InvalidDataException>(() => SubmissionScanner.Scan(folder));

        Assert.Equal($"batch: the submissions folder {folder} is empty: expected one folder or .zip per student", error.Message);
    }

    /// <summary>A named pipe (mkfifo): opening it for reading would block until a writer comes.</summary>
    internal static void MakeFifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path])!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    [Fact]
    public void Scan_FolderAndZipForOneStudent_FlagsTheDuplicate()
    {
        var folder = Directory.CreateTempSubdirectory("scan-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "amy"));
        File.WriteAllText(Path.Combine(folder, "amy.zip"), "");

        var amy = Assert.Single(SubmissionScanner.Scan(folder));

        Assert.Contains("amy, amy.zip", amy.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SubmissionTimes_ReadsCsvWithHeaderAndOffsets()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("times-").FullName, "times.csv");
        File.WriteAllLines(path, ["student,submitted_at", "amy,2026-03-01T23:59:00+01:00", "", "zed,2026-03-02T10:00:00"]);

        var times = SubmissionTimes.Read(path);

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 22, 59, 0, TimeSpan.Zero), times["amy"].ToUniversalTime());
        Assert.Equal(TimeSpan.Zero, times["zed"].Offset);
    }

    [Fact]
    public void SubmissionTimes_BadLine_NamesFileAndLine()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("times-").FullName, "times.csv");
        File.WriteAllLines(path, ["amy,2026-03-01T23:59:00Z", "zed,yesterday"]);

        var error = Assert.Throws<FormatException>(() => SubmissionTimes.Read(path));

        Assert.Contains("times.csv(2)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-01T12:00:00Z", 0)]
    [InlineData("2026-03-01T12:00:01Z", 1)]
    [InlineData("2026-03-02T12:00:00Z", 1)]
    [InlineData("2026-03-02T12:00:01Z", 2)]
    public void LateDays_CountsStartedDays(string submitted, int days) =>
        Assert.Equal(days, StudentGrader.LateDays(DateTimeOffset.Parse("2026-03-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(submitted, System.Globalization.CultureInfo.InvariantCulture)));
}
