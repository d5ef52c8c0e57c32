using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Autograder.Grader.Assignments;
using Autograder.Grader.Compilation;

namespace Autograder.Grader.Gradescope;

/// <summary>
/// <c>autograder gradescope &lt;assignment&gt; -o autograder.zip</c>: the zip Gradescope's "Configure
/// Autograder" page takes. Layout (unzipped by Gradescope into <c>/autograder/source</c>):
/// <code>
/// setup.sh  run_autograder
/// bin/cli/     dotnet publish of the autograder CLI (framework-dependent, linux-x64), its NeuralNet.dll compiled from the
///              assignment's modules only (<see cref="BundleLibrary"/>)
/// bin/worker/  dotnet publish of the untrusted worker
/// course/      rubrics/&lt;id&gt;.*.yaml, rubrics/schemas/, the sources of the assignment's modules under reference/NeuralNet
///              (with modules.yaml), data/&lt;set&gt; the assignment uses
/// </code>
/// </summary>
public static class GradescopeBundle
{
    // Unix mode in the high 16 bits of a zip entry's external attributes: regular file, rwxr-xr-x / rw-r--r--.
    private const int Executable = (0x8000 | 0b111_101_101) << 16;
    private const int Regular = (0x8000 | 0b110_100_100) << 16;

    /// <returns>the entries written, in order</returns>
    public static IReadOnlyList<string> Build(BundleOptions options)
    {
        var course = Path.GetFullPath(options.CourseRoot);
        var id = options.AssignmentId;
        var rubric = Path.Combine(course, "rubrics", $"{id}.rubric.yaml");
        if (!File.Exists(rubric))
        {
            throw new FileNotFoundException($"gradescope: assignment '{id}' has no rubric at {rubric}");
        }

        var files = new List<(string Entry, string Source)>();
        foreach (var file in new[] { rubric, Path.Combine(course, "rubrics", $"{id}.assignment.yaml") }.Where(File.Exists))
        {
            files.Add(($"course/rubrics/{Path.GetFileName(file)}", file));
        }

        AddTree(files, course, "rubrics/schemas");
        var profile = Path.Combine(course, "rubrics", $"{id}{AssignmentProfile.FileSuffix}");

        // Only the sources of the assignment's modules (and the modules they use) and the manifest that groups them: the
        // bundle's grader compiles the reference from these, and another assignment's sources have no business here.
        var library = new Release.RepositoryLayout(course).ReferenceLibrary;
        var modules = File.Exists(profile) ? AssignmentProfile.Load(profile).Modules : [];
        var sources = CourseModules.Load(library).SourcesOf(modules).ToHashSet(StringComparer.Ordinal);
        AddTree(files, course, "reference/NeuralNet", f => sources.Contains(f) || f.EndsWith(".csproj", StringComparison.Ordinal) || f == CourseModules.FileName);
        var dataSets = File.Exists(profile) ? AssignmentProfile.Load(profile).Data : [];
        foreach (var data in dataSets)
        {
            AddTree(files, course, $"data/{data}");
        }

        // The data loaders verify every file against data/checksums.sha256: without it no check that reads data can run.
        string? checksums = null;
        var allChecksums = Path.Combine(course, "data", "checksums.sha256");
        if (dataSets.Count > 0 && File.Exists(allChecksums))
        {
            checksums = string.Join("\n", File.ReadAllLines(allChecksums).Where(l => dataSets.Any(d => l.Contains($"  {d}/", StringComparison.Ordinal)))) + "\n";
        }

        string? staging = null;
        string? standIn = null;
        var checksumFile = checksums is null ? null : Path.GetTempFileName();
        try
        {
            if (checksumFile is not null)
            {
                File.WriteAllText(checksumFile, checksums);
                files.Add(("course/data/checksums.sha256", checksumFile));
            }

            if (options.IncludeBinaries)
            {
                var bin = options.Binaries ?? (staging = Publish(course, options));
                var cli = options.Binaries is null ? Path.Combine(bin, "cli") : bin;
                var worker = options.Binaries is null ? Path.Combine(bin, "worker") : bin;
                RequireFile(cli, "autograder.dll");
                RequireFile(worker, "autograder-worker.dll");
                AddTree(files, cli, ".", prefix: "bin/cli");
                AddTree(files, worker, ".", prefix: "bin/worker");
                standIn = Directory.CreateTempSubdirectory("gradescope-library-").FullName;
                ReplaceLibrary(files, CourseLibrary.Load(library, modules).Sources, standIn, options);
            }

            return WriteZip(options, files);
        }
        finally
        {
            foreach (var folder in new[] { staging, standIn }.OfType<string>())
            {
                Directory.Delete(folder, recursive: true);
            }

            if (checksumFile is not null)
            {
                File.Delete(checksumFile);
            }
        }
    }

    /// <summary>
    /// Puts in place of the published NeuralNet.dll (every module compiled, every assignment's solution as IL) one compiled
    /// from <paramref name="sources"/>, the assignment's modules only, and leaves out its symbols and XML docs.
    /// </summary>
    private static void ReplaceLibrary(List<(string Entry, string Source)> files, IReadOnlyDictionary<string, string> sources, string folder, BundleOptions options)
    {
        static bool IsBinary(string entry, params string[] names) => entry.StartsWith("bin/", StringComparison.Ordinal) && names.Contains(Path.GetFileName(entry));
        var published = files.Where(f => IsBinary(f.Entry, BundleLibrary.FileName)).OrderBy(f => f.Entry, StringComparer.Ordinal).ToList();
        if (published.Count == 0)
        {
            return;
        }

        var compiled = Path.Combine(folder, BundleLibrary.FileName);
        BundleLibrary.Compile(sources, published[0].Source, compiled);
        files.RemoveAll(f => IsBinary(f.Entry, BundleLibrary.Companions));
        for (var i = 0; i < files.Count; i++)
        {
            if (IsBinary(files[i].Entry, BundleLibrary.FileName))
            {
                files[i] = (files[i].Entry, compiled);
            }
        }

        options.Log?.Invoke($"gradescope: {string.Join(", ", published.Select(p => p.Entry))} compiled from the {sources.Count} sources of the assignment's modules only");
    }

    private static List<string> WriteZip(BundleOptions options, List<(string Entry, string Source)> files)
    {
        var target = Path.GetFullPath(options.OutputZip);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + ".tmp";
        var written = new List<string>();
        using (var zip = ZipFile.Open(temp, ZipArchiveMode.Create))
        {
            void Text(string name, string text, int mode)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.ExternalAttributes = mode;
                using var stream = entry.Open();
                stream.Write(new UTF8Encoding(false).GetBytes(text.ReplaceLineEndings("\n")));
                written.Add(name);
            }

            Text("setup.sh", BundleScripts.Setup(options.AssignmentId), Executable);
            Text("run_autograder", BundleScripts.Run(options.AssignmentId, options.AllowUnsandboxed), Executable);
            foreach (var (name, source) in files.DistinctBy(f => f.Entry).OrderBy(f => f.Entry, StringComparer.Ordinal))
            {
                var entry = zip.CreateEntryFromFile(source, name, CompressionLevel.Optimal);
                entry.ExternalAttributes = Regular;
                written.Add(name);
            }
        }

        File.Move(temp, target, overwrite: true);
        options.Log?.Invoke($"gradescope: wrote {written.Count} files to {target}");
        return written;
    }

    private static string Publish(string course, BundleOptions options)
    {
        var staging = Directory.CreateTempSubdirectory("gradescope-bundle-").FullName;
        // Every Gradescope submission is graded by a fresh process: the CLI is published for the image's linux-x64 with
        // ReadyToRun code, so the grader and Roslyn (which compiles the submission) are not JIT-compiled from IL each time
        // (HW6's full submission through run_autograder: 3.0-3.2 s against 5.1-5.7 s; docs/performance.md). The worker
        // measured no faster precompiled and stays IL, which keeps the bundle under 50 MB.
        // The ReadyToRun compiler is a NuGet package restored on first use: where it cannot be had (offline, say), the CLI
        // is published as IL like the worker, and the log says so.
        foreach (var (project, folder, precompiled) in new[] { ("grader/Autograder.Cli", "cli", true), ("grader/Autograder.Worker", "worker", false) })
        {
            var output = Path.Combine(staging, folder);
            if (precompiled)
            {
                var (precompiledCode, precompiledLog) = RunPublish(course, project, output, options, "-r", options.ReadyToRunRuntime, "--self-contained", "false", "-p:PublishReadyToRun=true");
                if (precompiledCode == 0)
                {
                    continue;
                }

                options.Log?.Invoke($"gradescope: the ReadyToRun publish of {project} failed (exit {precompiledCode}; {LastLine(precompiledLog)}): publishing it without precompiled code, so each grade JIT-compiles the grader and Roslyn (about 2 s slower)");
                if (Directory.Exists(output))
                {
                    Directory.Delete(output, recursive: true);
                }
            }

            // AutograderReadyToRun=false: a Release build of the CLI otherwise precompiles for the building machine (Autograder.Cli.csproj).
            var (code, log) = RunPublish(course, project, output, options, "-p:AutograderReadyToRun=false");
            if (code != 0)
            {
                throw new InvalidOperationException($"gradescope: dotnet publish {project} failed ({code}):\n{log}");
            }
        }

        // Gradescope's image is Ubuntu on x64: the native runtimes of every other system (87% of a publish) are dropped.
        foreach (var runtimes in Directory.EnumerateDirectories(staging, "runtimes", SearchOption.AllDirectories).ToList())
        {
            foreach (var rid in Directory.EnumerateDirectories(runtimes).Where(d => Path.GetFileName(d) is not ("linux-x64" or "linux" or "unix")))
            {
                Directory.Delete(rid, recursive: true);
            }
        }

        return staging;
    }

    private static (int ExitCode, string Output) RunPublish(string course, string project, string output, BundleOptions options, params string[] extra)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["publish", Path.Combine(course, project), "-c", options.Configuration, "-o", output, .. extra, "--nologo", "-v", "quiet"])
        {
            info.ArgumentList.Add(arg);
        }

        options.Log?.Invoke($"gradescope: dotnet publish {project} -c {options.Configuration}{(extra.Length > 0 ? " " + string.Join(' ', extra) : "")}");
        using var process = Process.Start(info) ?? throw new InvalidOperationException("gradescope: could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, $"{stdout.Result}\n{stderr.Result}".Trim());
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";

    private static void AddTree(List<(string Entry, string Source)> files, string root, string relative, Func<string, bool>? keep = null, string? prefix = null)
    {
        var dir = Path.GetFullPath(Path.Combine(root, relative));
        if (!Directory.Exists(dir))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            var inner = Path.GetRelativePath(dir, file).Replace('\\', '/');
            if ((prefix is null && inner.Split('/').Any(p => p is "bin" or "obj")) || !(keep?.Invoke(inner) ?? true))
            {
                continue;
            }

            var under = prefix ?? $"course/{relative}";
            files.Add((under == "." ? inner : $"{under}/{inner}", file));
        }
    }

    private static void RequireFile(string dir, string name)
    {
        if (!File.Exists(Path.Combine(dir, name)))
        {
            throw new FileNotFoundException($"gradescope: {name} was not found in {dir}");
        }
    }
}
