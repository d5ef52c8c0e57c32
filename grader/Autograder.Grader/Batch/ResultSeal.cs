using System.Security.Cryptography;
using System.Text;

namespace Autograder.Grader.Batch;

/// <summary>
/// The HMAC-SHA256 on each student's grading stamp (which carries the SHA-256 of its results.json), so a
/// result edited or forged on disk is caught by the batch, <c>merge</c>, <c>report</c> and the gradebook.
/// The key is a file outside every batch folder and outside anything a worker can see:
/// <c>$AUTOGRADER_RESULTS_KEY</c> if set, else <c>$XDG_CONFIG_HOME/autograder/results.key</c> (default
/// <c>~/.config/autograder/results.key</c>), created with 32 random bytes and mode 0600 on first use (where the
/// home folder is read-only and no variable is set: <c>$TMPDIR/autograder-results-&lt;user&gt;.key</c>).
/// Shards graded on several machines need the same key file (copy it, or point the variable at a shared one).
/// </summary>
public static class ResultSeal
{
    public const string KeyVariable = "AUTOGRADER_RESULTS_KEY";

    private static readonly Lock Gate = new();
    private static (string Path, byte[] Key)? _cached;

    /// <summary>Where the key lives on this machine.</summary>
    public static string KeyPath =>
        Environment.GetEnvironmentVariable(KeyVariable) is { Length: > 0 } path ? Path.GetFullPath(path)
        : Path.Combine(
            Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } config ? config
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config"),
            "autograder", "results.key");

    /// <summary>The stamp with its MAC set.</summary>
    public static GradingStamp Sign(GradingStamp stamp) => stamp with { Mac = Compute(stamp) };

    /// <summary>True when the stamp carries the MAC this machine's key gives it.</summary>
    public static bool Verifies(GradingStamp stamp) =>
        stamp.Mac is { Length: 64 } mac
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(mac), Encoding.ASCII.GetBytes(Compute(stamp)));

    private static string Compute(GradingStamp stamp) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Key(), Encoding.UTF8.GetBytes((stamp with { Mac = null }).ToJson())));

    private static byte[] Key()
    {
        var path = KeyPath;
        lock (Gate)
        {
            if (_cached is { } c && c.Path == path)
            {
                return c.Key;
            }

            byte[] key;
            try
            {
                key = File.Exists(path) ? Read(path) : Create(path);
            }
            catch (Exception e) when ((e is IOException or UnauthorizedAccessException) && Environment.GetEnvironmentVariable(KeyVariable) is null)
            {
                // A read-only home (some CI runners): a key in the temp folder, private to this user, rather than no batch at all.
                var fallback = Path.Combine(Path.GetTempPath(), $"autograder-results-{Environment.UserName}.key");
                key = File.Exists(fallback) ? Read(fallback) : Create(fallback);
            }

            _cached = (KeyPath, key);
            return key;
        }
    }

    private static byte[] Read(string path)
    {
        var text = File.ReadAllText(path).Trim();
        try
        {
            var key = Convert.FromHexString(text);
            return key.Length >= 16 ? key : throw new InvalidDataException($"the results key {path} is too short: expected at least 32 hex digits, found {text.Length}");
        }
        catch (FormatException)
        {
            throw new InvalidDataException($"the results key {path} is not hexadecimal (expected 64 hex digits; delete it to make a new one, which invalidates earlier results)");
        }
    }

    private static byte[] Create(string path)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + $".tmp-{Environment.ProcessId}";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temp, Encoding.ASCII, options))
        {
            writer.Write(Convert.ToHexStringLower(key));
        }

        try
        {
            // Two graders starting at once: the first key written wins, the other reads it.
            File.Move(temp, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return Read(path);
        }
    }
}
