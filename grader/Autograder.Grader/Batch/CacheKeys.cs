using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Autograder.Grader.Rubrics;

namespace Autograder.Grader.Batch;

/// <summary>
/// The content hashes a batch caches by. A student's result is reused while the submission's bytes,
/// the grader version, the course library, the rubric's non-item settings and the submission time are
/// unchanged (<see cref="BaseKey"/>); then only the items whose definition changed are regraded
/// (<see cref="ItemKeys"/>), so editing one item's tolerance regrades that item for everybody and
/// nothing else. Hashes are of the parsed rubric, so YAML comments and layout do not count.
/// </summary>
public sealed class CacheKeys
{
    private static readonly JsonSerializerOptions Canonical = new() { WriteIndented = false };

    private readonly string _context;

    /// <param name="rubric">the rubric as graded</param>
    /// <param name="courseHash">hash of the course library and assignment profile (<see cref="HashCourse"/>)</param>
    /// <param name="graderVersion">the grader's informational version</param>
    /// <param name="seed">a fixed seed, or null for the per-submission default</param>
    public CacheKeys(Rubric rubric, string courseHash, string graderVersion, ulong? seed)
    {
        _context = Sha256(JsonSerializer.Serialize(new { rubric = rubric with { Items = [] }, courseHash, graderVersion, seed }, Canonical));
        ItemKeys = rubric.Items.ToDictionary(i => i.Id, i => Sha256(JsonSerializer.Serialize(i, Canonical)), StringComparer.Ordinal);
        GradedItems = [.. rubric.Items.Where(i => !i.Manual).Select(i => i.Id)];
    }

    /// <summary>The ids of the items a grading produces results for, in rubric order (manual items are graded by staff).</summary>
    public IReadOnlyList<string> GradedItems { get; }

    /// <summary>Hash of each rubric item's definition, by id.</summary>
    public IReadOnlyDictionary<string, string> ItemKeys { get; }

    /// <summary>Hash of the rubric's item list as a whole (ids, order and definitions): equal across shards of one batch.</summary>
    public string RubricKey => Sha256(_context + string.Join(",", ItemKeys.Select(k => $"{k.Key}={k.Value}")));

    /// <param name="submissionHash">from <see cref="HashSubmission"/></param>
    /// <param name="submittedAt">the submission time used for the late penalty</param>
    public string BaseKey(string submissionHash, DateTimeOffset? submittedAt) =>
        Sha256($"{_context}\n{submissionHash}\n{submittedAt?.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture)}");

    /// <summary>Largest file whose bytes a submission hash reads; a bigger one is hashed by name and size (intake rejects it anyway).</summary>
    public const long MaxHashedFileBytes = 64L << 20;

    /// <summary>
    /// SHA-256 over a submission's exact bytes: a zip's file, or a folder's entries in ordinal order, each as its
    /// kind, relative path and content, length-prefixed (no two submissions share a hash). Links are hashed by their
    /// target, never followed; an entry of size 0 (also a FIFO or a device) is never opened; a file over
    /// <see cref="MaxHashedFileBytes"/> counts by size. Never throws: an unreadable entry is hashed as such.
    /// </summary>
    public static string HashSubmission(string path)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is { } target)
            {
                Field(sha, "link");
                Field(sha, target);
            }
            else if (Directory.Exists(path))
            {
                HashFolder(sha, new DirectoryInfo(path), "");
            }
            else if (info.Exists)
            {
                HashFile(sha, info);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Field(sha, "unreadable");
            Field(sha, ex.Message);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static void HashFolder(IncrementalHash sha, DirectoryInfo folder, string prefix)
    {
        foreach (var entry in folder.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var relative = prefix + entry.Name;
            if (entry.LinkTarget is { } target)
            {
                Field(sha, "link");
                Field(sha, relative);
                Field(sha, target);
            }
            else if (entry is DirectoryInfo sub)
            {
                Field(sha, "folder");
                Field(sha, relative);
                HashFolder(sha, sub, relative + "/");
            }
            else
            {
                Field(sha, "file");
                Field(sha, relative);
                HashFile(sha, (FileInfo)entry);
            }
        }
    }

    private static void HashFile(IncrementalHash sha, FileInfo file)
    {
        var length = file.Length;
        if (length == 0 || length > MaxHashedFileBytes)
        {
            Field(sha, length == 0 ? "empty" : $"oversize {length} {file.LastWriteTimeUtc.Ticks}");
            return;
        }

        // Exactly the declared length, never to the end of the stream (a file growing while read cannot stall the batch).
        var bytes = new byte[length];
        using (var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            Field(sha, "bytes");
            Length(sha, read);
            sha.AppendData(bytes, 0, read);
        }
    }

    private static void Field(IncrementalHash sha, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Length(sha, bytes.Length);
        sha.AppendData(bytes);
    }

    private static void Length(IncrementalHash sha, long length)
    {
        Span<byte> prefix = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(prefix, length);
        sha.AppendData(prefix);
    }

    /// <summary>Hash of the course library's sources (the provided files compiled with each submission) and the assignment profile.</summary>
    /// <param name="libraryRoot">reference/NeuralNet (or a test library)</param>
    /// <param name="profileText">the assignment profile's text, or its serialised form</param>
    public static string HashCourse(string libraryRoot, string profileText)
    {
        var all = new StringBuilder(profileText).Append('\0');
        all.Append(Compilation.CompilerReferences.CoreHash).Append('\0');
        if (Directory.Exists(libraryRoot))
        {
            foreach (var file in Directory.EnumerateFiles(libraryRoot, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(libraryRoot, f).Replace('\\', '/'))
                .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal))
            {
                all.Append(file).Append('\0').Append(File.ReadAllText(Path.Combine(libraryRoot, file)).ReplaceLineEndings("\n")).Append('\0');
            }
        }

        return Sha256(all.ToString());
    }

    /// <summary>Why a submission cannot be read at all (a zip that does not open), or null.</summary>
    public static string? Unreadable(string path)
    {
        if (Directory.Exists(path))
        {
            return null;
        }

        if (new FileInfo(path) is not { Exists: true, LinkTarget: null, Length: > 0 })
        {
            return "not a readable zip file: empty, missing or not a regular file";
        }

        if (Intake.TarArchive.IsTarGz(path))
        {
            return null; // Read in one pass by intake, which reports what it cannot use.
        }

        if (Intake.ZipDirectory.TooBig(path, Intake.ZipDirectory.MaxEntries) is { } tooBig)
        {
            return tooBig;
        }

        try
        {
            using var zip = ZipFile.OpenRead(path);
            return zip.Entries.Count == 0 ? "the zip file is empty" : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return $"not a readable zip file: {ex.Message}";
        }
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
