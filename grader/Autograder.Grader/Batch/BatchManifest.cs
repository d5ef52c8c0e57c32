using System.Text.Json;
using Autograder.Grader.Reports;
using Autograder.Grader.Rubrics;

namespace Autograder.Grader.Batch;

/// <summary>
/// <c>batch.json</c> in an output folder: the assignment, the rubric's items (the gradebook's columns)
/// and key, and the students the folder's gradebook covers. Written without timings so that a merged
/// run and a single-machine run write the same file; <see cref="BatchMerger"/> refuses to combine
/// folders graded with different rubrics.
/// </summary>
/// <param name="Assignment">assignment id</param>
/// <param name="Title">rubric title</param>
/// <param name="RubricKey">hash of the rubric as graded (<see cref="CacheKeys.RubricKey"/>)</param>
/// <param name="MaxScore">the rubric's total points</param>
/// <param name="Due">the rubric's due date, if any</param>
/// <param name="Items">the rubric items in rubric order</param>
/// <param name="Students">the students this folder's gradebook lists, ordered by id</param>
public sealed record BatchManifest(
    string Assignment,
    string Title,
    string RubricKey,
    double MaxScore,
    DateTimeOffset? Due,
    IReadOnlyList<ManifestItem> Items,
    IReadOnlyList<string> Students)
{
    public const string FileName = "batch.json";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static BatchManifest From(Rubric rubric, string rubricKey, IEnumerable<string> students) => new(
        rubric.Assignment,
        rubric.Title,
        rubricKey,
        rubric.MaxScore,
        rubric.Due,
        rubric.Items.Select(i => new ManifestItem(i.Id, i.Title, i.Points, Names.Of(i.Visibility), i.Bonus, i.Manual, i.Deduction)).ToList(),
        students.Order(StringComparer.Ordinal).ToList());

    /// <summary>The extra credit on offer on top of <see cref="MaxScore"/>.</summary>
    public double BonusMax => Items.Where(i => i.Bonus && !i.Manual).Sum(i => i.Points);

    /// <summary><c>out of 22</c>, or <c>out of 22 (+ up to 8 bonus)</c>.</summary>
    public string OutOf => BonusMax > 0
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"out of {MaxScore:0.##} (+ up to {BonusMax:0.##} bonus)")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"out of {MaxScore:0.##}");

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static BatchManifest Read(string outputFolder)
    {
        var path = Path.Combine(outputFolder, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{outputFolder} is not a batch output folder: {FileName} is missing (run `autograder batch` into it first)");
        }

        return JsonSerializer.Deserialize<BatchManifest>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException($"{path} is empty");
    }
}
