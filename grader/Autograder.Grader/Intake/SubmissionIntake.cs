using System.Security.Cryptography;
using System.Text;

namespace Autograder.Grader.Intake;

/// <summary>
/// Stage 1: takes only the files the assignment names (at their relative path, or flat by file
/// name; two candidates for one file is an error) and the logs the rubric names, each at most
/// <see cref="IntakeLimits.MaxFileBytes"/> and valid UTF-8. A graded plot (a rubric log ending in <c>.png</c>) is
/// the exception: it must start with the PNG signature and is kept as base64 text. Every problem becomes a visible message.
/// </summary>
public static class SubmissionIntake
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Whether a rubric log is a plot image, taken as base64 text rather than UTF-8.</summary>
    public static bool IsImage(string log) => log.EndsWith(".png", StringComparison.OrdinalIgnoreCase);

    /// <param name="submission">a folder or a .zip</param>
    /// <param name="expectedFiles">paths relative to the course library, e.g. <c>Layers/Linear.cs</c></param>
    /// <param name="expectedLogs">log file names the rubric asks for, e.g. <c>MLP_lr0.01_b5.json</c></param>
    /// <param name="limits">size and count caps</param>
    public static IntakeResult Read(string submission, IReadOnlyList<string> expectedFiles, IReadOnlyList<string> expectedLogs, IntakeLimits limits)
    {
        var problems = new List<IntakeProblem>();
        var keepAlive = new IDisposable[1];
        try
        {
            var wanted = expectedFiles.Concat(expectedLogs).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var entries = SubmissionReader.List(submission, limits, wanted, problems, keepAlive);
            var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var logs = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var rejected = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var missing = new List<string>();
            var used = new HashSet<SubmissionEntry>();
            long total = 0;

            foreach (var expected in expectedFiles.Concat(expectedLogs))
            {
                var isLog = expectedLogs.Contains(expected);
                var match = Match(expected, entries, problems);
                if (match is null)
                {
                    if (!isLog && !problems.Any(p => p.File == expected))
                    {
                        missing.Add(expected);
                    }
                    else if (!isLog)
                    {
                        rejected[expected] = problems.Last(p => p.File == expected).Message;
                    }

                    continue;
                }

                used.Add(match);
                var (text, error) = ReadText(match, limits, isLog && IsImage(expected), ref total);
                if (error is not null)
                {
                    problems.Add(new IntakeProblem(match.Path, error));
                    if (!isLog)
                    {
                        rejected[expected] = error;
                    }

                    continue;
                }

                (isLog ? logs : files)[expected] = text!;
            }

            var ignored = entries.Where(e => !used.Contains(e)).Select(e => e.Path).ToList();
            return new IntakeResult(files, logs, problems, ignored, missing, rejected, Hash(files, logs));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A path too long for the file system, a folder that vanished: the submission as a whole is unreadable.
            problems.Add(new IntakeProblem(Path.GetFileName(Path.TrimEndingDirectorySeparator(submission)), $"could not be read: {ex.Message}"));
            return new IntakeResult(new SortedDictionary<string, string>(), new SortedDictionary<string, string>(), problems, [], [.. expectedFiles], new SortedDictionary<string, string>(), Hash(new Dictionary<string, string>(), new Dictionary<string, string>()));
        }
        finally
        {
            keepAlive[0]?.Dispose();
        }
    }

    private static SubmissionEntry? Match(string expected, IReadOnlyList<SubmissionEntry> entries, List<IntakeProblem> problems)
    {
        var bySuffix = entries.Where(e => e.Path == expected || e.Path.EndsWith("/" + expected, StringComparison.Ordinal)).ToList();
        var candidates = bySuffix.Count > 0 ? bySuffix : entries.Where(e => Path.GetFileName(e.Path) == Path.GetFileName(expected)).ToList();
        if (candidates.Count > 1)
        {
            problems.Add(new IntakeProblem(expected, $"ambiguous: found {candidates.Count} candidates ({string.Join(", ", candidates.Select(c => c.Path))}); submit exactly one"));
            return null;
        }

        return candidates.SingleOrDefault();
    }

    private static (string? Text, string? Error) ReadText(SubmissionEntry entry, IntakeLimits limits, bool image, ref long total)
    {
        if (entry.DeclaredLength > limits.MaxFileBytes)
        {
            return (null, $"too large ({entry.DeclaredLength:N0} bytes; the limit is {limits.MaxFileBytes:N0})");
        }

        // Never trust a declared length: read at most one byte past each cap.
        using var buffer = new MemoryStream();
        try
        {
            using var stream = entry.Open();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                total += read;
                if (buffer.Length > limits.MaxFileBytes)
                {
                    return (null, $"too large (more than {limits.MaxFileBytes:N0} bytes)");
                }

                if (total > limits.MaxTotalBytes)
                {
                    return (null, $"the submission expands to more than {limits.MaxTotalBytes:N0} bytes in total");
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // A damaged zip entry (bad deflate data, a size that lies) or a file that vanished while being read.
            return (null, $"could not be read: {ex.Message}");
        }

        if (image)
        {
            return buffer.Length >= PngSignature.Length && buffer.GetBuffer().AsSpan(0, PngSignature.Length).SequenceEqual(PngSignature)
                ? (Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length), null)
                : (null, "is not a PNG image (write it with the kit's plot command)");
        }

        try
        {
            var text = StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
            // An empty file would delete the types the provided code uses and break every other file's build.
            return string.IsNullOrWhiteSpace(text) ? (null, "is empty; submit the file with your code (or leave it out to be graded as the kit's stub)") : (text, null);
        }
        catch (DecoderFallbackException)
        {
            return (null, "is not UTF-8 text (save it as UTF-8)");
        }
    }

    /// <summary>SHA-256 over each file's name and exact text, each length-prefixed: two different submissions never share a hash.</summary>
    private static string Hash(IReadOnlyDictionary<string, string> files, IReadOnlyDictionary<string, string> logs)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, text) in files.Concat(logs))
        {
            AppendField(sha, name);
            AppendField(sha, text);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static void AppendField(IncrementalHash sha, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(length, bytes.Length);
        sha.AppendData(length);
        sha.AppendData(bytes);
    }
}
