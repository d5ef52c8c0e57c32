using System.Globalization;
using System.Text;
using Autograder.Grader.Written.Bank;

namespace Autograder.Grader.Written.Kit;

/// <summary>
/// Writes <c>rubrics/written.rubric.yaml</c> from the bank: one item per auto-graded question, its
/// points, and one <c>written</c> check naming the question and its number of scored cases. The
/// bank is the single source of points; a test fails when the committed rubric drifts from it.
/// </summary>
public static class WrittenRubric
{
    public const string RelativePath = "rubrics/written.rubric.yaml";

    public static string Generate(QuestionBank bank)
    {
        var text = new StringBuilder();
        text.Append("# Generated from rubrics/written/*.yaml by Autograder.Grader.Written.Kit.WrittenRubric: do not edit.\n");
        text.Append("# Points live in the question bank; regenerate with WRITTEN_KIT_WRITE=1 dotnet test --filter WrittenKitTests.\n");
        text.Append("# Manual questions with the handout's points (manual_points) get a manual item, graded on `autograder manual`'s page;\n");
        text.Append("# those without points in the handout (A1's proof and paper review) are not here. A manual item with deduction: true is\n");
        text.Append("# a handout deduction the grader cannot see: the staff enter the points to take off.\n");
        text.Append("assignment: written\n");
        text.Append("title: \"Written answers: theory parts of HW3, A1 and HW5 (10-601)\"\n");
        text.Append("limits:\n");
        text.Append("  # Roslyn's first compilation in a fresh worker takes seconds; a problem's answers compile in one go.\n");
        text.Append("  call_timeout_seconds: 60\n");
        text.Append("  memory_mb: 1024\n");
        text.Append("logs: [answers.yaml]\n");
        text.Append("items:\n");
        foreach (var problem in bank.Problems)
        {
            text.Append($"  # {problem.Title} ({problem.Source})\n");
            foreach (var q in problem.Questions.Where(q => q.Kind != QuestionKind.Manual || q.ManualPoints > 0))
            {
                text.Append($"  - id: {q.Id}\n");
                text.Append($"    title: \"{q.Title.Replace("\"", "'", StringComparison.Ordinal)}\"\n");
                if (q.Kind == QuestionKind.Manual)
                {
                    text.Append($"    points: {q.ManualPoints.ToString(CultureInfo.InvariantCulture)}\n");
                    text.Append("    manual: true\n");
                    text.Append(q.Bonus ? "    bonus: true\n" : "");
                    text.Append(q.Deduction ? "    deduction: true\n" : "");
                    text.Append($"    note: \"{q.Prompt.Replace("\"", "'", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)}\"\n");
                    continue;
                }

                text.Append($"    points: {q.Points.ToString(CultureInfo.InvariantCulture)}\n");
                text.Append(q.Bonus ? "    bonus: true\n" : "");
                text.Append("    checks:\n");
                text.Append($"      - {{ kind: written, name: {q.Id}, cases: {q.ScoredCases.Count} }}\n");
            }
        }

        return text.ToString();
    }
}
