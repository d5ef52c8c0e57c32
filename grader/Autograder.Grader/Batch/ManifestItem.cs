namespace Autograder.Grader.Batch;

/// <summary>
/// A rubric item as a gradebook column: id, title, points, who sees it, whether it is extra credit, whether the staff
/// grade it by hand and whether that manual item is a deduction (the staff's points come off the total).
/// </summary>
public sealed record ManifestItem(string Id, string Title, double Points, string Visibility, bool Bonus = false, bool Manual = false, bool Deduction = false)
{
    /// <summary>What the staff's <paramref name="points"/> on this item add to the total: negative for a deduction.</summary>
    public double Signed(double points) => Deduction ? -points : points;

    /// <summary>What this manual item adds to the total's maximum: its points, none for a bonus or a deduction.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double ManualMax => Manual && !Bonus && !Deduction ? Points : 0;
}
