using System.IO.Compression;
using System.Text.Json;

namespace Kit;

/// <summary>
/// Zips exactly what the grader reads: the files you submit (kit.json "files", relative to the library folder)
/// and the training logs and plots the rubric grades (kit.json "logs", at the zip's top level). Refuses when a graded log
/// is missing or came from a --quick or shortened run, naming the command that writes it; --force packs anyway
/// and lists what will lose points.
/// </summary>
public static class Packer
{
    public static int Pack(KitFolder kit, string? output, bool force, TextWriter log)
    {
        var zipPath = Path.GetFullPath(output ?? Path.Combine(kit.Root, kit.Submission));
        var missing = kit.Files.Where(f => !File.Exists(Path.Combine(kit.Root, kit.Library, f))).ToList();
        if (missing.Count > 0)
        {
            log.WriteLine($"pack: missing {string.Join(", ", missing.Select(f => $"{kit.Library}/{f}"))}; restore them from the kit before packing");
            return 1;
        }

        var problems = kit.Logs.Select(l => (Log: l, Problem: Problem(kit, l))).Where(p => p.Problem is not null).ToList();
        // Bonus-only files: a missing one is the student's choice; say so and pack without it.
        foreach (var (bonus, problem) in problems.Where(p => p.Log.Bonus && p.Problem == "is missing"))
        {
            log.WriteLine($"pack: {bonus.Path} {problem} (bonus: packing without it; `{bonus.Command}` writes it)");
        }

        problems = problems.Where(p => !(p.Log.Bonus && p.Problem == "is missing")).ToList();
        if (problems.Count > 0)
        {
            foreach (var (graded, problem) in problems)
            {
                log.WriteLine($"pack: {graded.Path} {problem}; run `{graded.Command}` (without --quick) to write it");
            }

            if (!force)
            {
                log.WriteLine("pack: nothing written. The rubric grades these logs; `./pack.sh --force` packs without them and they score 0.");
                return 1;
            }

            log.WriteLine($"pack: --force: packing anyway; the rubric items of {string.Join(", ", problems.Select(p => p.Log.File))} will lose their points.");
        }

        var logs = kit.Logs.Where(l => File.Exists(Path.Combine(kit.Root, l.Path))).ToList();
        File.Delete(zipPath);
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            foreach (var file in kit.Files)
            {
                Add(zip, file, Path.Combine(kit.Root, kit.Library, file));
            }

            foreach (var graded in logs)
            {
                Add(zip, graded.File, Path.Combine(kit.Root, graded.Path));
            }
        }

        log.WriteLine($"pack: wrote {zipPath} with {kit.Files.Count + logs.Count} files:");
        foreach (var file in kit.Files)
        {
            log.WriteLine($"  {file}");
        }

        foreach (var graded in logs)
        {
            log.WriteLine($"  {graded.File}  (from {graded.Path})");
        }

        log.WriteLine($"Upload {Path.GetFileName(zipPath)} to the course's submission site.");
        return 0;
    }

    /// <summary>Why a graded log cannot be submitted as it is (missing, unreadable, quick or shortened), or null.</summary>
    public static string? Problem(KitFolder kit, KitLog graded)
    {
        var path = Path.Combine(kit.Root, graded.Path);
        if (!File.Exists(path))
        {
            return "is missing";
        }

        if (graded.File.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            // A graded plot: the grader reads what it draws from the PNG the plot command wrote.
            using var png = File.OpenRead(path);
            var signature = new byte[8];
            return png.Read(signature, 0, 8) == 8 && signature.SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ? null : "is not a PNG image";
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var root = json.RootElement;
            if (root.TryGetProperty("quick", out var quick) && quick.ValueKind == JsonValueKind.True)
            {
                return "came from a --quick run";
            }

            if (root.TryGetProperty("config", out var config) && config.TryGetProperty("training", out var training)
                && training.TryGetProperty("epochs", out var epochs) && root.TryGetProperty("train", out var train)
                && train.ValueKind == JsonValueKind.Array && train.GetArrayLength() < epochs.GetInt32()
                && !(root.TryGetProperty("early_stopped", out var stopped) && stopped.ValueKind == JsonValueKind.True))
            {
                return $"has {train.GetArrayLength()} of the config's {epochs.GetInt32()} epochs (a shortened run)";
            }

            return null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return $"is not a training log ({e.Message})";
        }
    }

    private static void Add(ZipArchive zip, string name, string source)
    {
        // A fixed timestamp: packing the same files twice gives the same zip.
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var target = entry.Open();
        using var stream = File.OpenRead(source);
        stream.CopyTo(target);
    }
}
