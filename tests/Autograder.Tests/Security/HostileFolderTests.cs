using Autograder.Grader.Batch;
using Autograder.Grader.Reports.Class;
using Autograder.Tests.Batch;
using Autograder.Tests.Grader;

namespace Autograder.Tests.Security;

/// <summary>
/// One class folder full of entries meant to stop a batch before anyone is graded (a FIFO and a link to
/// /dev/zero named like assignment files, a sparse 3 GB file, a path longer than the file system allows, a
/// zip that declares a million entries, a stray file): the batch finishes, the honest student gets full
/// marks, and every other entry has its row with a reason.
/// </summary>
public sealed class HostileFolderTests
{
    [Fact]
    public void Batch_HostileEntries_NeverStopTheClass()
    {
        var folder = Directory.CreateTempSubdirectory("hostile-class-").FullName;
        Directory.Move(FakeCourse.Submission(), Path.Combine(folder, "honest"));

        var fifo = FakeCourse.Submission();
        File.Delete(Path.Combine(fifo, "Layers", "Relu.cs"));
        SubmissionScannerTests.MakeFifo(Path.Combine(fifo, "Layers", "Relu.cs"));
        Directory.Move(fifo, Path.Combine(folder, "fifo"));

        var device = FakeCourse.Submission();
        File.Delete(Path.Combine(device, "Layers", "Relu.cs"));
        File.CreateSymbolicLink(Path.Combine(device, "Layers", "Relu.cs"), "/dev/zero");
        Directory.Move(device, Path.Combine(folder, "device"));

        var sparse = FakeCourse.Submission();
        using (var huge = new FileStream(Path.Combine(sparse, "Layers", "Relu.cs"), FileMode.Create))
        {
            huge.SetLength(3L << 30);
        }

        Directory.Move(sparse, Path.Combine(folder, "sparse"));

        var deep = FakeCourse.Submission();
        var path = deep;
        // As deep as the file system lets the folder be created; moved under the class folder it is deeper still.
        while (path.Length + 121 < 4000)
        {
            path = Path.Combine(path, new string('d', 120));
            Directory.CreateDirectory(path);
        }

        Directory.Move(deep, Path.Combine(folder, "deep"));
        File.WriteAllBytes(Path.Combine(folder, "million.zip"), ZipDeclaring(1_000_000));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a submission");

        var output = Directory.CreateTempSubdirectory("hostile-out-").FullName;
        var run = BatchRunner.Run(BatchClass.Options(folder, output));

        var rows = run.Records.ToDictionary(r => r.Student);
        Assert.Equal(["deep", "device", "fifo", "honest", "million", "notes.txt", "sparse"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(rows["honest"].Result!.MaxScore, rows["honest"].Result!.Score);
        Assert.Equal(rows["deep"].Result!.MaxScore, rows["deep"].Result!.Score);
        Assert.Contains(rows["fifo"].Result!.Messages, m => m.Contains("Layers/Relu.cs", StringComparison.Ordinal) && m.Contains("empty", StringComparison.Ordinal));
        Assert.Contains(rows["device"].Result!.Messages, m => m.Contains("symbolic links are not accepted", StringComparison.Ordinal));
        Assert.Contains(rows["sparse"].Result!.Messages, m => m.Contains("too large", StringComparison.Ordinal));
        Assert.Equal(StudentStatus.Rejected, rows["million"].Status);
        Assert.Contains("declares 1,000,000 entries", rows["million"].Result!.Messages.Single(m => m.Contains("entries", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(StudentStatus.Rejected, rows["notes.txt"].Status);
        Assert.True(File.Exists(Path.Combine(output, Gradebook.FileName)));
    }

    /// <summary>A zip of one tiny entry whose end record claims <paramref name="entries"/> entries.</summary>
    private static byte[] ZipDeclaring(int entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("Layers/Relu.cs").Open());
            writer.Write("// x");
        }

        var bytes = memory.ToArray();
        var end = bytes.Length - 22;
        Assert.Equal(0x06054b50u, BitConverter.ToUInt32(bytes, end));
        // Zip64 form: 0xFFFF entries in the classic record, the real claim in a Zip64 end record before it.
        var zip64 = new byte[56 + 20];
        BitConverter.GetBytes(0x06064b50u).CopyTo(zip64, 0);
        BitConverter.GetBytes((ulong)44).CopyTo(zip64, 4);
        BitConverter.GetBytes((ulong)entries).CopyTo(zip64, 24);
        BitConverter.GetBytes((ulong)entries).CopyTo(zip64, 32);
        BitConverter.GetBytes((ulong)46).CopyTo(zip64, 40);
        BitConverter.GetBytes(0x07064b50u).CopyTo(zip64, 56);
        BitConverter.GetBytes((ulong)end).CopyTo(zip64, 56 + 8);
        BitConverter.GetBytes(1u).CopyTo(zip64, 56 + 16);
        var tail = bytes[end..];
        BitConverter.GetBytes((ushort)0xFFFF).CopyTo(tail, 8);
        BitConverter.GetBytes((ushort)0xFFFF).CopyTo(tail, 10);
        return [.. bytes[..end], .. zip64, .. tail];
    }
}
