using System.Text.Json;

namespace Kit;

/// <summary>The kit folder and its kit.json: the files you submit, the graded logs and the points of each public check.</summary>
public sealed record KitFolder(string Root, string Assignment, string Title, string Library, IReadOnlyList<string> Files, string Submission, IReadOnlyList<KitCheck> Checks, IReadOnlyList<KitLog> Logs)
{
    /// <summary>Finds kit.json at or above a folder.</summary>
    public static KitFolder Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "kit.json")))
            {
                return Read(dir.FullName);
            }
        }

        throw new FileNotFoundException($"no kit.json at or above {start}; run this from inside your kit folder");
    }

    public static KitFolder Read(string root)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "kit.json")));
        var kit = json.RootElement;
        var checks = kit.GetProperty("checks").EnumerateArray().Select(c => new KitCheck(
            c.GetProperty("testClass").GetString()!, c.GetProperty("part").GetString()!, c.GetProperty("item").GetString()!,
            c.GetProperty("points").GetDouble(), c.GetProperty("assigned").GetBoolean(),
            c.TryGetProperty("bonus", out var bonus) && bonus.GetBoolean(),
            c.TryGetProperty("bonusPoints", out var bonusPoints) ? bonusPoints.GetDouble() : 0)).ToList();
        return new KitFolder(root, kit.GetProperty("assignment").GetString()!, kit.GetProperty("title").GetString()!,
            kit.GetProperty("library").GetString()!, kit.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList(),
            kit.GetProperty("submission").GetString()!, checks,
            kit.TryGetProperty("logs", out var logs)
                ? logs.EnumerateArray().Select(l => new KitLog(l.GetProperty("file").GetString()!, l.GetProperty("path").GetString()!, l.GetProperty("command").GetString()!,
                    l.TryGetProperty("bonus", out var b) && b.ValueKind == JsonValueKind.True)).ToList()
                : []);
    }
}

/// <summary>A public check: the test class, its part, rubric item and points; whether the part is yours to write
/// (not provided) and whether it belongs to a bonus item (then <paramref name="BonusPoints"/> is what the grader gives for it).</summary>
public sealed record KitCheck(string TestClass, string Part, string Item, double Points, bool Assigned, bool Bonus = false, double BonusPoints = 0);

/// <summary>A graded training log or plot: its file name, where the run tool writes it, the command that does, and whether
/// only bonus items grade it (then pack goes ahead without it).</summary>
public sealed record KitLog(string File, string Path, string Command, bool Bonus = false);
