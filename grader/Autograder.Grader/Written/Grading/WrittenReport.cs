namespace Autograder.Grader.Written.Grading;

/// <summary>The grade of one <c>answers.yaml</c>: one result per bank question plus messages about the file itself.</summary>
public sealed record WrittenReport(ulong Seed, IReadOnlyList<QuestionResult> Questions, IReadOnlyList<string> Messages)
{
    public double Score => Questions.Sum(q => q.Points);

    public double MaxScore => Questions.Sum(q => q.MaxPoints);

    public QuestionResult this[string id] => Questions.First(q => q.Id == id);
}
