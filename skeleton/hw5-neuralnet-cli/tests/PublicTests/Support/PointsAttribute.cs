namespace PublicTests.Support;

/// <summary>
/// Tags a check class with its rubric item and points. The check earns its points when every test
/// in the class passes; the table after `dotnet test` and the `score` command add them up.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class PointsAttribute : Attribute
{
    /// <param name="item">rubric item, e.g. "3.1.1"</param>
    /// <param name="points">points the check is worth</param>
    public PointsAttribute(string item, double points)
    {
        Item = item;
        Points = points;
    }

    public string Item { get; }

    public double Points { get; }

    /// <summary>The part the check exercises, e.g. "linear.backward".</summary>
    public string Part { get; init; } = "";
}
