using System.Text;

namespace Autograder.Worker.Engine;

/// <summary>
/// The worker's side of a provided program's files (<c>put</c> and <c>read</c> requests): under the sandbox
/// its working folder is a private tmpfs, so the host hands inputs over and takes outputs back through the
/// protocol instead of reading a folder the student's code could have filled with links.
/// </summary>
internal static class WorkFiles
{
    /// <summary>The most text one <c>read</c> returns; the rest is cut (the host compares the first lines).</summary>
    public const int MaxReadBytes = 4 << 20;

    public static object? Put(string path, string text)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, new UTF8Encoding(false));
        return null;
    }

    /// <summary>The text of a regular file (null when there is none: missing, a folder, a link, a device).</summary>
    public static string? Read(string path)
    {
        var info = new FileInfo(Path.GetFullPath(path));
        if (!info.Exists || info.LinkTarget is not null || (info.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) != 0)
        {
            return null;
        }

        using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var buffer = new byte[MaxReadBytes];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }
}
