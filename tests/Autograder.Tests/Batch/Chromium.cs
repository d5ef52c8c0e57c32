using System.Diagnostics;

namespace Autograder.Tests.Batch;

/// <summary>
/// Headless Chromium (Debian's <c>chromium</c> package; <c>.ci/run</c> installs it) for tests that
/// render a page for real. Each run gets a fresh profile folder and no network features.
/// </summary>
internal static class Chromium
{
    public static string? Path => File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;

    /// <summary>Runs Chromium headless with <paramref name="mode"/> (e.g. <c>--dump-dom</c>) on <paramref name="url"/>; returns stdout.</summary>
    public static string Run(string url, params string[] mode)
    {
        var profile = Directory.CreateTempSubdirectory("chromium-profile-").FullName;
        var info = new ProcessStartInfo(Path ?? throw new InvalidOperationException("chromium is not installed"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars", $"--user-data-dir={profile}",
        }.Concat(mode).Append(url))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium did not finish within 2 minutes: {stderr.Result}");
        }

        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // A crashpad helper may still hold the profile for a moment; the temp folder is cleaned later.
        }

        return process.ExitCode == 0 ? stdout.Result : throw new InvalidOperationException($"chromium exited {process.ExitCode}: {stderr.Result}");
    }
}
