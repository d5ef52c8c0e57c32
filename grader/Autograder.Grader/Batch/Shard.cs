using System.Globalization;
using System.Text;

namespace Autograder.Grader.Batch;

/// <summary>
/// One of <see cref="Count"/> deterministic slices of a class (<c>--shard i/N</c>, 0-based, so a Slurm
/// array <c>0-9</c> maps to <c>$SLURM_ARRAY_TASK_ID/10</c>). A student belongs to the shard picked by
/// a stable hash of their id, so adding or removing a student never moves anybody else.
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The whole class in one shard.</summary>
    public static Shard All => new(0, 1);

    /// <summary>Parses <c>i/N</c> with 0 &lt;= i &lt; N.</summary>
    /// <param name="text">e.g. <c>3/10</c></param>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new FormatException($"--shard: expected i/N such as 0/10, found '{text}'");
        }

        if (count < 1 || index >= count)
        {
            throw new FormatException($"--shard: the index must be in 0..N-1 and N at least 1, found '{text}' (shards are 0-based: 0/{Math.Max(count, 1)} .. {Math.Max(count, 1) - 1}/{Math.Max(count, 1)})");
        }

        return new Shard(index, count);
    }

    /// <summary>True when <paramref name="student"/> is graded by this shard.</summary>
    public bool Contains(string student) => Count <= 1 || (int)(StableHash(student) % (ulong)Count) == Index;

    /// <summary>64-bit FNV-1a of the UTF-8 id: the same on every machine and runtime (string.GetHashCode is randomised per process).</summary>
    public static ulong StableHash(string student)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(student))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    public override string ToString() => $"{Index}/{Count}";
}
