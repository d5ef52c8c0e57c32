using System.Formats.Tar;
using System.IO.Compression;
using Autograder.Grader.Batch;
using Autograder.Tests.Grader;

namespace Autograder.Tests.Batch;

/// <summary>
/// A batch never drops a student over the archive format: a .tar.gz or .tgz is read like a zip, a zip holding
/// only a zip is opened once (and says so), a zip beside other files inside a zip is reported by name.
/// </summary>
public sealed class ArchiveFormatsTests
{
    [Fact]
    public void Batch_TarGzTgzAndZipInAZip_AreGradedLikeZips()
    {
        var folder = Directory.CreateTempSubdirectory("archives-").FullName;
        var source = FakeCourse.Submission();
        TarGz(source, Path.Combine(folder, "tara.tar.gz"));
        TarGz(source, Path.Combine(folder, "tom.tgz"));
        var inner = Path.Combine(Directory.CreateTempSubdirectory("inner-").FullName, "work.zip");
        ZipFile.CreateFromDirectory(source, inner);
        using (var outer = ZipFile.Open(Path.Combine(folder, "zoe.zip"), ZipArchiveMode.Create))
        {
            outer.CreateEntryFromFile(inner, "work.zip");
        }

        var output = Directory.CreateTempSubdirectory("archives-out-").FullName;
        var run = BatchRunner.Run(BatchClass.Options(folder, output));

        var rows = run.Records.ToDictionary(r => r.Student);
        Assert.Equal(["tara", "tom", "zoe"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.All(rows.Values, r => Assert.Equal(r.Result!.MaxScore, r.Result.Score));
        Assert.Contains(rows["zoe"].Result!.Messages, m => m.Contains("a zip inside a zip; it was opened once", StringComparison.Ordinal));
    }

    [Fact]
    public void TarGz_WithALinkAndAnEscapingName_ReportsBothAndReadsTheRest()
    {
        var folder = Directory.CreateTempSubdirectory("tar-hostile-").FullName;
        var path = Path.Combine(folder, "mallory.tar.gz");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var writer = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "Layers/Relu.cs") { LinkName = "/etc/passwd" });
            var escaping = new PaxTarEntry(TarEntryType.RegularFile, "../../Layers/Affine.cs") { DataStream = new MemoryStream("// x"u8.ToArray()) };
            writer.WriteEntry(escaping);
        }

        var intake = Autograder.Grader.Intake.SubmissionIntake.Read(path, FakeCourse.Files, [], Autograder.Grader.Intake.IntakeLimits.Default);

        Assert.Contains(intake.Problems, p => p.File == "Layers/Relu.cs" && p.Message.Contains("symbolic links", StringComparison.Ordinal));
        Assert.Contains(intake.Problems, p => p.File == "../../Layers/Affine.cs" && p.Message.Contains("inside the submission folder", StringComparison.Ordinal));
        Assert.Empty(intake.Files);
    }

    private static void TarGz(string folder, string path)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        TarFile.CreateFromDirectory(folder, gzip, includeBaseDirectory: false);
    }
}
