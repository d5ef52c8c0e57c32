using System.IO.Compression;
using System.Text;

namespace Autograder.Tests.Security;

/// <summary>
/// Builds the adversarial submissions git cannot hold as plain folders (zips with hostile entries,
/// symbolic links, huge or countless files) from the PassesAll submission, at run time, into a
/// batch folder. Each is named by its <c>generated</c> key in expected.json.
/// </summary>
internal static class GeneratedSubmissions
{
    private const string Target = "Gradients/GradientChecker.cs";

    /// <summary>
    /// PassesAll copied to <paramref name="folder"/> with one file (<paramref name="relative"/>) rewritten by
    /// <paramref name="edit"/>, graded once with the policy walk off (only the sandbox and the host's checks stand) and the
    /// adversarial suite's seed.
    /// </summary>
    public static Autograder.Grader.Results.GradeResult GradeWithPolicyOff(string folder, string relative, Func<string, string> edit)
    {
        var passesAll = Autograder.Tests.Grader.Golden.Goldens.Case(AdversarialSuite.Assignment, AdversarialSuite.Control);
        var submission = Copy(passesAll, Path.Combine(folder, "submission"));
        var file = Path.Combine(submission, relative);
        File.WriteAllText(file, edit(File.ReadAllText(file)));
        return Autograder.Grader.Pipeline.GradingPipeline.Grade(new Autograder.Grader.Pipeline.GradeRequest(submission, AdversarialSuite.Assignment, AdversarialSuite.Root)
        {
            PolicyOff = true,
            AllowUnsandboxed = true,
            Seed = AdversarialSuite.Seed,
            WorkRoot = Directory.CreateDirectory(Path.Combine(folder, "work")).FullName,
        });
    }

    /// <summary>Writes the submission <paramref name="kind"/> as <paramref name="student"/> (a folder or student.zip) under <paramref name="folder"/>.</summary>
    public static void Write(string kind, string passesAll, string referenceLibrary, string folder, string student)
    {
        switch (kind)
        {
            case "zip-bomb":
                ZipBomb(passesAll, Path.Combine(folder, student + ".zip"));
                break;
            case "zip-path-traversal":
                Zip(passesAll, Path.Combine(folder, student + ".zip"), zip =>
                {
                    var text = File.ReadAllBytes(Path.Combine(passesAll, Target));
                    Add(zip, "../../" + Target, text);
                    Add(zip, "/tmp/autograder-adversarial-sentinel/" + Target, text);
                    Add(zip, "C:/Windows/Temp/GradientChecker.cs", text);
                }, skip: Target);
                break;
            case "zip-symlink":
                Zip(passesAll, Path.Combine(folder, student + ".zip"), zip =>
                {
                    var link = zip.CreateEntry(Target);
                    // Unix mode 0120777 (a symbolic link) in the high 16 bits; the entry's content is the link target.
                    link.ExternalAttributes = unchecked((int)(0xA1FFu << 16));
                    using var stream = link.Open();
                    stream.Write(Encoding.UTF8.GetBytes(Path.Combine(referenceLibrary, Target)));
                }, skip: Target);
                break;
            case "symlinks":
            {
                var dir = Copy(passesAll, Path.Combine(folder, student));
                File.Delete(Path.Combine(dir, Target));
                File.CreateSymbolicLink(Path.Combine(dir, Target), Path.Combine(referenceLibrary, Target));
                Directory.Delete(Path.Combine(dir, "Optimizers"), recursive: true);
                Directory.CreateSymbolicLink(Path.Combine(dir, "Optimizers"), Path.Combine(referenceLibrary, "Optimizers"));
                break;
            }

            case "ten-thousand-files":
            {
                var dir = Copy(passesAll, Path.Combine(folder, student));
                for (var d = 0; d < 100; d++)
                {
                    var sub = Directory.CreateDirectory(Path.Combine(dir, "zz-junk", $"d{d:000}")).FullName;
                    for (var f = 0; f < 100; f++)
                    {
                        File.WriteAllText(Path.Combine(sub, $"f{f:000}.cs"), "// junk\n");
                    }
                }

                break;
            }

            case "huge-source-file":
            {
                var dir = Copy(passesAll, Path.Combine(folder, student));
                using var writer = new StreamWriter(Path.Combine(dir, Target), append: true);
                var line = "// " + new string('x', 97);
                for (var i = 0; i < 100_000; i++)
                {
                    writer.WriteLine(line);
                }

                break;
            }

            default:
                throw new ArgumentException($"unknown generated submission '{kind}'", nameof(kind));
        }
    }

    /// <summary>Copies every file of <paramref name="from"/> except expected.json.</summary>
    public static string Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "expected.json"))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Directory.CreateDirectory(to);
        return to;
    }

    private static void Zip(string passesAll, string zipPath, Action<ZipArchive> extra, string skip)
    {
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            foreach (var file in Directory.EnumerateFiles(passesAll, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "expected.json"))
            {
                var name = Path.GetRelativePath(passesAll, file).Replace('\\', '/');
                if (name != skip)
                {
                    Add(zip, name, File.ReadAllBytes(file));
                }
            }

            extra(zip);
        }
    }

    private static void Add(ZipArchive zip, string name, byte[] bytes)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(bytes);
    }

    /// <summary>
    /// PassesAll with GradientChecker.cs expanding to 512 MiB of spaces, and a header that lies: the
    /// entry declares 900 bytes, so only a reader that counts what it inflates stops it.
    /// </summary>
    private static void ZipBomb(string passesAll, string zipPath)
    {
        const long Size = 512L << 20;
        Zip(passesAll, zipPath, zip =>
        {
            using var stream = zip.CreateEntry(Target, CompressionLevel.Fastest).Open();
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 1 << 20));
            for (long written = 0; written < Size; written += chunk.Length)
            {
                stream.Write(chunk);
            }
        }, skip: Target);

        // Patch the uncompressed size (local header offset 22, central directory offset 24) of the bomb entry.
        var bytes = File.ReadAllBytes(zipPath);
        var name = Encoding.UTF8.GetBytes(Target);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            if (signature == 0x04034b50 && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), 900u);
            }
            else if (signature == 0x02014b50 && bytes.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), 900u);
            }
        }

        File.WriteAllBytes(zipPath, bytes);
    }
}
