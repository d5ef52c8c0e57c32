namespace Autograder.Grader.Batch;

/// <summary>
/// <c>autograder merge</c>: combines the output folders of shards (<c>batch --shard i/N</c>) into one.
/// Copies each student's files into the target and rebuilds the gradebook and summary from them, so
/// the merged gradebook is the one a single machine would have written. Refuses folders graded with
/// different rubrics, and a student found in two folders with different results.
/// </summary>
public static class BatchMerger
{
    /// <param name="inputs">shard output folders (the target may be one of them)</param>
    /// <param name="output">the merged folder</param>
    public static IReadOnlyList<StudentRecord> Merge(IReadOnlyList<string> inputs, string output)
    {
        if (inputs.Count == 0)
        {
            throw new ArgumentException("merge: name at least one batch output folder");
        }

        var manifests = inputs.Select(dir => (Dir: Path.GetFullPath(dir), Manifest: BatchManifest.Read(dir))).ToList();
        var first = manifests[0].Manifest;
        var other = manifests.FirstOrDefault(m => m.Manifest.RubricKey != first.RubricKey || m.Manifest.Assignment != first.Assignment);
        if (other.Manifest is not null)
        {
            throw new InvalidDataException(
                $"merge: {other.Dir} was graded with a different rubric than {manifests[0].Dir} ({other.Manifest.Assignment} {other.Manifest.RubricKey[..12]} vs {first.Assignment} {first.RubricKey[..12]}); regrade the shards with one rubric");
        }

        var target = Path.GetFullPath(output);
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (dir, manifest) in manifests)
        {
            foreach (var student in manifest.Students)
            {
                var stamp = GradingStamp.TryRead(Path.Combine(dir, student));
                if (owner.TryGetValue(student, out var seen))
                {
                    var earlier = GradingStamp.TryRead(Path.Combine(seen, student));
                    if (earlier?.ResultsSha256 != stamp?.ResultsSha256)
                    {
                        throw new InvalidDataException($"merge: {student} is in both {seen} and {dir} with different results; shards must not overlap");
                    }

                    continue;
                }

                owner[student] = dir;
            }
        }

        Directory.CreateDirectory(target);
        foreach (var (student, dir) in owner.Where(o => !string.Equals(o.Value, target, StringComparison.Ordinal)))
        {
            CopyStudent(Path.Combine(dir, student), Path.Combine(target, student));
        }

        var merged = first with { Students = owner.Keys.Order(StringComparer.Ordinal).ToList() };
        // Manual grades entered in any input carry over (the latest entry per student and item wins).
        var grades = manifests.Select(m => ManualGrades.Load(m.Dir, merged)).Aggregate(ManualGrades.Empty, (a, b) => a.Merge(b));
        if (grades.All.Count > 0)
        {
            grades.Save(target);
        }

        return BatchOutput.Write(target, merged);
    }

    // The stamp goes last and only after the files it vouches for, as in a batch.
    private static void CopyStudent(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }

        Directory.CreateDirectory(to);
        File.Delete(Path.Combine(to, GradingStamp.FileName));
        foreach (var file in Directory.EnumerateFiles(from).Where(f => Path.GetFileName(f) != GradingStamp.FileName && !Path.GetFileName(f).Contains(".tmp-", StringComparison.Ordinal)))
        {
            AtomicFile.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        if (File.Exists(Path.Combine(from, GradingStamp.FileName)))
        {
            AtomicFile.Copy(Path.Combine(from, GradingStamp.FileName), Path.Combine(to, GradingStamp.FileName));
        }
    }
}
