using System.Text.Json;
using System.Text.Json.Serialization;

namespace Autograder.Grader.Release;

/// <summary>
/// <c>kit.json</c>: what a kit is for. The kit's pack and score tools read it (files to zip, which
/// test class is worth how many points), and release uses its presence to know a folder is a kit.
/// </summary>
/// <param name="Assignment">the assignment id</param>
/// <param name="Title">the handout title</param>
/// <param name="Library">the library folder inside the kit that the submitted files are relative to</param>
/// <param name="Files">the files students edit and submit, relative to <paramref name="Library"/></param>
/// <param name="Submission">the zip file the pack step writes</param>
/// <param name="Checks">the public checks, one test class each</param>
/// <param name="Logs">the training logs the rubric grades, which pack adds to the zip from where the kit's run tool writes them</param>
public sealed record KitManifest(
    string Assignment,
    string Title,
    string Library,
    IReadOnlyList<string> Files,
    string Submission,
    IReadOnlyList<KitCheck> Checks,
    IReadOnlyList<KitLog> Logs)
{
    public const string FileName = "kit.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";

    public static KitManifest FromJson(string json) =>
        JsonSerializer.Deserialize<KitManifest>(json, Options) ?? throw new JsonException("kit.json is empty");
}

/// <summary>One public check in <c>kit.json</c>.</summary>
/// <param name="TestClass">the xunit test class's full name; the check passes when all its tests pass</param>
/// <param name="Part">the part id it exercises</param>
/// <param name="Item">the rubric item</param>
/// <param name="Points">the points it is worth</param>
/// <param name="Assigned">whether students implement the part in this assignment (false: provided code)</param>
public sealed record KitCheck(string TestClass, string Part, string Item, double Points, bool Assigned)
{
    /// <summary>The check belongs to a bonus (extra-credit) item of the rubric: shown as bonus, outside the public score.</summary>
    public bool Bonus { get; init; }

    /// <summary>The bonus points the grader's item gives for this part (its share of the item's points).</summary>
    public double BonusPoints { get; init; }
}

/// <summary>One graded training log in <c>kit.json</c>.</summary>
/// <param name="File">the log's file name, as the rubric and the handout name it (e.g. <c>MLP_lr0.01_b5.json</c>)</param>
/// <param name="Path">where the kit's run tool writes it, relative to the kit (<c>runs/&lt;file&gt;</c>)</param>
/// <param name="Command">the command that produces it, run from the kit's folder</param>
/// <param name="ReplaySeconds">when the grader re-runs the log's first epoch(s) with the student's code (a training-log check with
/// <c>replay:</c>), its CPU budget in seconds, so the run tool can say how this run's first epoch compares; otherwise null</param>
/// <param name="Bonus">only bonus items grade it (HW3 Problem 4's runs): pack goes ahead without it and says so</param>
public sealed record KitLog(string File, string Path, string Command, double? ReplaySeconds = null, bool Bonus = false);
