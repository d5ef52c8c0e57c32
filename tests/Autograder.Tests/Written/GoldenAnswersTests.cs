using Autograder.Grader.Written.Answers;
using Autograder.Grader.Written.Grading;
using YamlDotNet.RepresentationModel;

namespace Autograder.Tests.Written;

/// <summary>
/// Golden answer files under tests/Golden/written/, named by outcome. Each folder holds an
/// answers.yaml and, unless it passes everything, an expected.yaml listing the questions that lose
/// points (<c>lose: { id: points }</c>), and optionally their status and a message fragment.
/// The score must be exactly the bank's total minus those points.
/// </summary>
public sealed class GoldenAnswersTests
{
    public static TheoryData<string> Folders()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(WrittenTestKit.GoldenDir).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Grade_GoldenFolder_ScoresWhatItsNameSays(string folder)
    {
        var dir = Path.Combine(WrittenTestKit.GoldenDir, folder);
        var expected = Expected.Load(Path.Combine(dir, "expected.yaml"));
        var evaluator = new InProcessEvaluator();
        var report = new WrittenGrader(WrittenTestKit.Bank, evaluator).Grade(AnswerSheet.Load(Path.Combine(dir, AnswerSheet.FileName)), seed: 20261122);

        var lost = expected.Lose.Values.Sum();
        Assert.True(Math.Abs(report.MaxScore - WrittenTestKit.Bank.AutoPoints) < 1e-9);
        var wrong = report.Questions.Where(q => Math.Abs(q.MaxPoints - q.Points - expected.Lose.GetValueOrDefault(q.Id)) > 1e-9).Select(q => $"{q.Id}: {q.Points}/{q.MaxPoints} {q.Status} {q.Message}");
        Assert.Empty(wrong);
        Assert.Equal(report.MaxScore - lost, report.Score, 9);
        foreach (var (id, status) in expected.Status)
        {
            Assert.Equal(status, report[id].Status.ToString(), ignoreCase: true);
        }

        foreach (var (id, fragment) in expected.Message)
        {
            Assert.Contains(fragment, report[id].Message, StringComparison.Ordinal);
        }

        foreach (var id in expected.NotEvaluated)
        {
            Assert.DoesNotContain(evaluator.Sent, item => item.Id == id || item.Id.StartsWith(id + "#", StringComparison.Ordinal));
        }
    }

    private sealed record Expected(Dictionary<string, double> Lose, Dictionary<string, string> Status, Dictionary<string, string> Message, List<string> NotEvaluated)
    {
        public static Expected Load(string path)
        {
            var result = new Expected([], [], [], []);
            if (!File.Exists(path))
            {
                return result;
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(path)));
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            foreach (var (key, value) in root.Children)
            {
                var name = ((YamlScalarNode)key).Value;
                if (name == "lose" && value is YamlScalarNode { Value: "all" })
                {
                    foreach (var q in WrittenTestKit.Bank.Questions)
                    {
                        result.Lose[q.Id] = q.Points;
                    }

                    continue;
                }

                if (name == "not_evaluated")
                {
                    result.NotEvaluated.AddRange(((YamlSequenceNode)value).Children.Select(c => ((YamlScalarNode)c).Value!));
                    continue;
                }

                foreach (var (k, v) in ((YamlMappingNode)value).Children)
                {
                    var id = ((YamlScalarNode)k).Value!;
                    var text = ((YamlScalarNode)v).Value!;
                    switch (name)
                    {
                        case "lose": result.Lose[id] = double.Parse(text, System.Globalization.CultureInfo.InvariantCulture); break;
                        case "status": result.Status[id] = text; break;
                        case "message": result.Message[id] = text; break;
                        default: throw new InvalidDataException($"{path}: unknown key '{name}'");
                    }
                }
            }

            return result;
        }
    }
}
