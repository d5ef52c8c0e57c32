using Autograder.Grader.Written.Bank;
using Autograder.Grader.Written.Kit;

namespace Autograder.Tests.Written;

/// <summary>
/// The committed kit (skeleton/written) and rubric (rubrics/written.rubric.yaml) must equal what the
/// bank generates now. Regenerate with <c>WRITTEN_KIT_WRITE=1 dotnet test --filter WrittenKitTests</c>.
/// </summary>
public sealed class WrittenKitTests
{
    [Fact]
    public void CommittedKit_MatchesWhatTheBankGenerates()
    {
        var bank = WrittenTestKit.Bank;
        if (Environment.GetEnvironmentVariable("WRITTEN_KIT_WRITE") == "1")
        {
            WrittenKit.Write(bank, WrittenTestKit.CourseRoot);
        }

        foreach (var (path, expected) in WrittenKit.Files(bank, WrittenTestKit.CourseRoot))
        {
            var full = Path.Combine(WrittenTestKit.CourseRoot, path);
            Assert.True(File.Exists(full), $"{path} is missing; regenerate with WRITTEN_KIT_WRITE=1");
            Assert.True(expected == File.ReadAllText(full), $"{path} differs from what the bank generates; regenerate with WRITTEN_KIT_WRITE=1");
        }
    }

    [Fact]
    public void KitAnswers_ListEveryAutoGradedQuestionWithAnEmptyAnswer()
    {
        var sheet = Autograder.Grader.Written.Answers.AnswerSheet.Parse(WrittenKit.Answers(WrittenTestKit.Bank));
        var expected = WrittenTestKit.Bank.Questions.Where(q => q.Kind != QuestionKind.Manual).Select(q => q.Id).ToList();
        Assert.Equal(expected, sheet.Answers.Keys.ToList());
        Assert.All(sheet.Answers.Values, a => Assert.True(a.IsBlank));
    }

    [Fact]
    public void Kit_NeverContainsAReferenceAnswerOrNote()
    {
        var files = WrittenKit.Files(WrittenTestKit.Bank, WrittenTestKit.CourseRoot).Where(f => f.Key.StartsWith(WrittenKit.Folder, StringComparison.Ordinal)).Select(f => f.Value).ToList();
        foreach (var q in WrittenTestKit.Bank.Questions.Where(q => q.Kind is QuestionKind.Expression or QuestionKind.Number))
        {
            // Short references (a single variable like dJ_dz2, or 8) also appear as names or in prompts.
            if (q.Reference.Length >= 6 && !q.Variables.Contains(q.Reference))
            {
                Assert.DoesNotContain(files, f => f.Contains(q.Reference, StringComparison.Ordinal));
            }

            if (q.Note is { Length: > 20 } note)
            {
                Assert.DoesNotContain(files, f => f.Contains(note[..20], StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void AssignmentProfile_IsWrittenKind_AndReleaseLeavesItsKitAlone()
    {
        var profile = Autograder.Grader.Assignments.AssignmentProfile.Load(Path.Combine(WrittenTestKit.CourseRoot, "rubrics", "written.assignment.yaml"));
        Assert.Equal(Autograder.Grader.Assignments.AssignmentProfile.WrittenKind, profile.Kind);
        Assert.Empty(profile.Parts);
        Assert.Empty(profile.Files);
        var release = new Autograder.Grader.Release.KitRelease(Autograder.Grader.Release.RepositoryLayout.Find(AppContext.BaseDirectory));
        Assert.DoesNotContain(release.Profiles, p => p.Id == "written");
    }

    [Fact]
    public void Rubric_PointsEqualTheBank()
    {
        var rubric = Autograder.Grader.Rubrics.RubricLoader.Parse(WrittenRubric.Generate(WrittenTestKit.Bank), "written.rubric.yaml", ["written"]);
        var bank = WrittenTestKit.Bank.Questions.Where(q => q.Kind != QuestionKind.Manual).ToList();
        Assert.Equal(bank.Where(q => !q.Bonus).Sum(q => q.Points), rubric.MaxScore, 9);
        Assert.Equal(bank.Where(q => q.Bonus).Sum(q => q.Points), rubric.BonusScore, 9);
        Assert.Equal(6, rubric.BonusScore, 9); // HW3 3.5's parameter counts (1.5 + 1.5 + 3): the handout's bonus
        Assert.All(bank, q => Assert.Equal(q.Bonus, rubric.Items.Single(i => i.Id == q.Id).Bonus));
        Assert.Equal(["answers.yaml"], rubric.Logs);
        Assert.All(rubric.Items.Where(i => !i.Manual), i => Assert.Equal(i.Id, Assert.Single(i.Checks).Name));

        // Every manual question with the handout's points has a manual slot (autograder manual scores it), bonus as the handout says.
        var manual = WrittenTestKit.Bank.Questions.Where(q => q.Kind == QuestionKind.Manual && q.ManualPoints > 0).ToList();
        Assert.Equal(manual.Select(q => q.Id), rubric.Items.Where(i => i.Manual).Select(i => i.Id));
        Assert.All(manual, q =>
        {
            var item = rubric.Items.Single(i => i.Id == q.Id);
            Assert.Equal(q.ManualPoints, item.Points);
            Assert.Equal(q.Bonus, item.Bonus);
            Assert.Equal(q.Deduction, item.Deduction);
            Assert.Empty(item.Checks);
        });
        // HW3 2.3's notation deductions (L152-153): manual slots that take a point off, not points to earn.
        foreach (var id in new[] { "hw3.p2.notation_forward", "hw3.p2.notation_backward" })
        {
            Assert.Contains(rubric.Items, i => i.Id == id && i.Manual && i.Deduction && i.Points == 1 && i.Note!.StartsWith("Deduct 1 point for writing x_1, x_2, x_3", StringComparison.Ordinal));
        }

        Assert.Equal(manual.Where(q => !q.Deduction).Sum(q => q.ManualPoints), rubric.ManualScore, 9);
        Assert.Contains(rubric.Items, i => i.Id == "hw3.p3_5.accuracies" && i.Manual && i.Bonus && i.Points == 9);
        Assert.Contains(rubric.Items, i => i.Id == "hw5.q3.general_n" && i.Manual && !i.Bonus && i.Points == 6);
    }
}
