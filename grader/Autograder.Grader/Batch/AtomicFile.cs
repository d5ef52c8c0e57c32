namespace Autograder.Grader.Batch;

/// <summary>
/// Writes a file so that readers see the old content or the new, never half of it: write a temp file
/// beside the target, flush it to disk, then rename over the target (atomic on one file system).
/// A batch killed mid-write leaves at most a stray <c>*.tmp-*</c> file, which later runs ignore.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text) =>
        WriteAllBytes(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));

    public static void WriteAllBytes(string path, byte[] bytes)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = $"{full}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/> with the same guarantee.</summary>
    public static void Copy(string source, string target) => WriteAllBytes(target, File.ReadAllBytes(source));
}
