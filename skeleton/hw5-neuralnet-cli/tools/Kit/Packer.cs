using System.IO.Compression;

namespace Kit;

/// <summary>Zips exactly the files you submit (kit.json "files"), with paths relative to the library folder.</summary>
public static class Packer
{
    public static int Pack(KitFolder kit, string? output, TextWriter log)
    {
        var zipPath = Path.GetFullPath(output ?? Path.Combine(kit.Root, kit.Submission));
        var missing = kit.Files.Where(f => !File.Exists(Path.Combine(kit.Root, kit.Library, f))).ToList();
        if (missing.Count > 0)
        {
            log.WriteLine($"pack: missing {string.Join(", ", missing.Select(f => $"{kit.Library}/{f}"))}; restore them from the kit before packing");
            return 1;
        }

        File.Delete(zipPath);
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            foreach (var file in kit.Files)
            {
                // A fixed timestamp: packing the same files twice gives the same zip.
                var entry = zip.CreateEntry(file, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var target = entry.Open();
                using var source = File.OpenRead(Path.Combine(kit.Root, kit.Library, file));
                source.CopyTo(target);
            }
        }

        log.WriteLine($"pack: wrote {zipPath} with {kit.Files.Count} files:");
        foreach (var file in kit.Files)
        {
            log.WriteLine($"  {file}");
        }

        log.WriteLine($"Upload {Path.GetFileName(zipPath)} to the course's submission site.");
        return 0;
    }
}
