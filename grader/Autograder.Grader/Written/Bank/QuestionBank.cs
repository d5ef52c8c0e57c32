using System.Text.RegularExpressions;
using Autograder.Grader.Written.Expressions;
using Microsoft.CodeAnalysis.CSharp;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Autograder.Grader.Written.Bank;

/// <summary>
/// The written question bank: every <c>*.yaml</c> of <c>rubrics/written/</c>, one handout problem
/// per file, in file-name order. Loading checks everything that can be checked without a student:
/// ids, points, variables, that each reference answer passes the same allow-list students face.
/// </summary>
public sealed partial class QuestionBank
{
    public const string Folder = "rubrics/written";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithEnumNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private QuestionBank(IReadOnlyList<WrittenProblem> problems)
    {
        Problems = problems;
        Questions = problems.SelectMany(p => p.Questions).ToList();
    }

    public IReadOnlyList<WrittenProblem> Problems { get; }

    /// <summary>Every question, in problem order then file order.</summary>
    public IReadOnlyList<WrittenQuestion> Questions { get; }

    /// <summary>Points the automatic check can give (manual items count 0).</summary>
    public double AutoPoints => Questions.Sum(q => q.Points);

    public WrittenProblem ProblemOf(WrittenQuestion question) => Problems.First(p => p.Questions.Contains(question));

    /// <summary>Loads the bank of a course root (the folder holding <c>rubrics/</c>).</summary>
    public static QuestionBank LoadFromCourseRoot(string courseRoot) => Load(Path.Combine(courseRoot, Folder));

    public static QuestionBank Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new QuestionBankException($"{directory}: the written question bank folder does not exist");
        }

        var files = Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal).ToList();
        return FromProblems(files.Select(f => Parse(File.ReadAllText(f), f)).ToList());
    }

    /// <summary>Parses one problem file (not yet checked against the others).</summary>
    public static WrittenProblem Parse(string yaml, string file)
    {
        try
        {
            var problem = Deserializer.Deserialize<WrittenProblem>(yaml) ?? throw new QuestionBankException($"{file}: the file is empty");
            return problem with { SourceFile = file };
        }
        catch (YamlException ex)
        {
            throw new QuestionBankException($"{file}({ex.Start.Line},{ex.Start.Column}): {ex.InnerException?.Message ?? ex.Message}", ex);
        }
    }

    public static QuestionBank FromProblems(IReadOnlyList<WrittenProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var problem in problems)
        {
            Check(problem, seen);
        }

        return new QuestionBank(problems);
    }

    private static void Check(WrittenProblem problem, HashSet<string> seen)
    {
        var file = problem.SourceFile;
        if (!IdPattern().IsMatch(problem.Problem))
        {
            throw new QuestionBankException($"{file}: problem id '{problem.Problem}' must be dotted lower-case words, e.g. hw3.p2");
        }

        var defined = CheckBindings(problem);
        foreach (var q in problem.Questions)
        {
            var where = $"{file}: question '{q.Id}'";
            void Fail(string message) => throw new QuestionBankException($"{where}: {message}");

            if (!q.Id.StartsWith(problem.Problem + ".", StringComparison.Ordinal) || !IdPattern().IsMatch(q.Id))
            {
                Fail($"the id must start with '{problem.Problem}.' and use letters, digits, '_' and '.'");
            }

            if (!seen.Add(q.Id))
            {
                Fail("the id is used twice in the bank");
            }

            if (q.Kind == QuestionKind.Manual ? q.Points != 0 : q.Points <= 0)
            {
                Fail(q.Kind == QuestionKind.Manual ? "manual items give 0 automatic points (put the handout's points in manual_points)" : "needs positive points");
            }

            if (q.Deduction && (q.Kind != QuestionKind.Manual || q.ManualPoints <= 0 || q.Bonus))
            {
                Fail("a deduction is a manual item with the points it can take off in manual_points, and not a bonus");
            }

            if (q.Cases.Select(c => c.Points).Distinct().Count() > 1)
            {
                Fail("its cases must be worth the same points (the rubric scores the fraction of cases passed)");
            }

            if (q.Cases.Count > 0 && Math.Abs(q.Cases.Sum(c => c.Points) - q.Points) > 1e-9)
            {
                Fail($"its cases give {q.Cases.Sum(c => c.Points)} points but the question is worth {q.Points}");
            }

            foreach (var v in q.Variables)
            {
                if (!defined.Contains(v))
                {
                    Fail($"variable '{v}' is not defined in the problem's bindings");
                }
            }

            foreach (var c in q.Cases)
            {
                Expect(ExpressionValidator.Validate(c.When, defined), $"{where}: case '{c.Name}'");
            }

            CheckAnswerShape(q, BankChecks.KeyNames(problem, q, defined, Fail), Fail);
        }

        BankChecks.CheckDeductions(problem, defined, seen);
        BankChecks.CheckCarriedBindings(problem);
    }

    private static void CheckAnswerShape(WrittenQuestion q, IReadOnlyCollection<string> keyNames, Action<string> fail)
    {
        switch (q.Kind)
        {
            case QuestionKind.Expression:
            case QuestionKind.Number:
                if (q.Kind == QuestionKind.Number && q.Variables.Count > 0)
                {
                    fail("number questions take no variables");
                }

                Expect(ExpressionValidator.Validate(q.Reference, keyNames), $"question '{q.Id}': reference");
                foreach (var (alternative, k) in q.Alternatives.Select((a, k) => (a, k)))
                {
                    Expect(ExpressionValidator.Validate(alternative, keyNames), $"question '{q.Id}': alternatives[{k}]");
                }
                break;
            case QuestionKind.Shape:
                if (Answers.ShapeAnswer.TryParse(q.Reference) is null)
                {
                    fail($"reference '{q.Reference}' is not a shape like 3x2");
                }

                break;
            case QuestionKind.Choice:
                var ids = q.Options.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
                if (q.Options.Count < 2 || ids.Count != q.Options.Count || q.Answer.Count == 0 || q.Answer.Any(a => !ids.Contains(a)) || (q.Single && q.Answer.Count != 1))
                {
                    fail("a choice needs distinct option ids and an answer made of them (exactly one when single)");
                }

                break;
            case QuestionKind.Neuron:
                if (q.TruthTable.Count != 4 || q.TruthTable.Any(t => t is not (0 or 1)))
                {
                    fail("truth_table must list the outputs 0/1 for inputs (0,0), (0,1), (1,0), (1,1)");
                }

                break;
            case QuestionKind.Manual:
                break;
            default:
                fail($"unknown kind {q.Kind}");
                break;
        }
    }

    private static HashSet<string> CheckBindings(WrittenProblem problem)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, expression) in problem.Bindings.Let)
        {
            if (!SyntaxFacts.IsValidIdentifier(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || FunctionTable.Find(name, allowHostOnly: true) is not null || name.StartsWith("Bound", StringComparison.Ordinal))
            {
                throw new QuestionBankException($"{problem.SourceFile}: binding '{name}' must be an identifier that is not a keyword or a function name");
            }

            Expect(ExpressionValidator.Validate(expression, defined, allowHostOnly: true), $"{problem.SourceFile}: binding '{name}'");
            defined.Add(name);
        }

        foreach (var condition in problem.Bindings.Require.Concat(problem.Bindings.Cover))
        {
            Expect(ExpressionValidator.Validate(condition, defined), $"{problem.SourceFile}: condition '{condition}'");
        }

        return defined;
    }

    private static void Expect(ExpressionCheck check, string where)
    {
        if (!check.Ok)
        {
            throw new QuestionBankException($"{where}: '{check.Text}': {check.Error}");
        }
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_]*(\.[A-Za-z0-9_]+)*$")]
    private static partial Regex IdPattern();
}
