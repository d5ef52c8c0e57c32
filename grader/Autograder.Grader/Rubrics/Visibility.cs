namespace Autograder.Grader.Rubrics;

/// <summary>When students see an item: always, never (instructor only), or once the due date has passed.</summary>
public enum Visibility
{
    Visible,
    Hidden,
    AfterDueDate,
}
