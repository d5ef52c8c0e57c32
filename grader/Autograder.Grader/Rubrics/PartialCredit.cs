namespace Autograder.Grader.Rubrics;

/// <summary>How an item's checks turn into points: the fraction of passing cases, or all the points only when every case passes.</summary>
public enum PartialCredit
{
    Fraction,
    AllOrNothing,
}
