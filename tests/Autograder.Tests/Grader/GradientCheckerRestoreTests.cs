using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;
using Autograder.Tests.Security;

namespace Autograder.Tests.Grader;

/// <summary>
/// HW3 3.1.5's gradient checker through the real rubric, with ApproximateEntry written two ways by hand (not from
/// the reference): a correct one in another style (minus side first, the entry restored from a sum) scores the
/// item, and one that leaves NaN behind in w (the rule the "tensors restored" check enforces) loses it, named.
/// </summary>
[Trait("Category", "Slow")]
public sealed class GradientCheckerRestoreTests
{
    private const string Region = "        // BEGIN SOLUTION gradcheck.approximate";

    private const string MinusFirst = """
                w[index] -= epsilon;
                var below = loss();
                w[index] += 2 * epsilon;
                var above = loss();
                w[index] -= epsilon;
                return (above - below) / (epsilon + epsilon);
        """;

    private const string LeavesNaN = """
                var keep = w[index];
                w[index] = keep + epsilon;
                var up = loss();
                w[index] = keep - epsilon;
                var down = loss();
                w[index] = double.NaN; // "restored" to a sentinel
                return (up - down) / (2 * epsilon);
        """;

    [Theory]
    [InlineData("minus-first", true)]
    [InlineData("leaves-nan", false)]
    public void ApproximateEntry_WrittenIndependently_ScoresByTheRestoreRule(string style, bool passes)
    {
        var root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;
        var submission = Path.Combine(Directory.CreateTempSubdirectory("gradcheck-").FullName, style);
        GeneratedSubmissions.Copy(Autograder.Tests.Grader.Golden.Goldens.Case("hw3-fashion-mlp", "PassesAll"), submission);
        var file = Path.Combine(submission, "Gradients", "GradientChecker.cs");
        var text = File.ReadAllText(file);
        var begin = text.IndexOf(Region, StringComparison.Ordinal);
        var end = text.IndexOf("        // END SOLUTION", begin, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "the golden's checker has no solution region to replace");
        File.WriteAllText(file, text[..begin] + (style == "minus-first" ? MinusFirst : LeavesNaN) + "\n" + text[end..]);

        var result = GradingPipeline.Grade(new GradeRequest(submission, "hw3-fashion-mlp", root) { AllowUnsandboxed = true, Seed = 5 });

        var item = result.Items.Single(i => i.Id == "3.1.5");
        if (passes)
        {
            Assert.Equal(item.MaxPoints, item.Points);
        }
        else
        {
            Assert.True(item.Points < item.MaxPoints, $"3.1.5 scored {item.Points} with NaN left in w");
            Assert.Contains(item.Checks, c => c.Status == CheckStatus.Failed && c.Outcome.Message.Contains("NaN", StringComparison.Ordinal) && c.Outcome.Message.Contains("restore every entry you perturb", StringComparison.Ordinal));
        }
    }
}
