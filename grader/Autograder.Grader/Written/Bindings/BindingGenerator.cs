using Autograder.Grader.Written.Bank;
using Autograder.Grader.Written.Expressions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NeuralNet;

namespace Autograder.Grader.Written.Bindings;

/// <summary>
/// Draws a problem's bindings from the submission's seed: evaluates the <c>let</c> expressions in
/// order with a <see cref="Rng"/> seeded by the submission seed and the problem id, keeps a draw when
/// every <c>require</c> condition holds, and goes on until there are <see cref="WrittenProblem.Samples"/>
/// bindings and each cover condition and question case holds on at least
/// <see cref="WrittenProblem.MinPerCase"/> of them. The same seed gives the same bindings everywhere.
/// </summary>
public static class BindingGenerator
{
    public const int MaxDraws = 20_000;

    public static IReadOnlyList<IReadOnlyDictionary<string, ExprValue>> Generate(WrittenProblem problem, ulong seed)
    {
        if (problem.Bindings.Let.Count == 0)
        {
            return [new Dictionary<string, ExprValue>()];
        }

        var rng = new Rng(seed ^ Fnv1a(problem.Problem));
        var context = new FunctionContext(rng);
        var lets = problem.Bindings.Let.Select(kv => (kv.Key, Syntax: SyntaxFactory.ParseExpression(kv.Value))).ToList();
        var require = problem.Bindings.Require.Select(c => SyntaxFactory.ParseExpression(c)).ToList();
        var fill = problem.Bindings.Cover
            .Concat(problem.Questions.SelectMany(q => q.Cases).Select(c => c.When))
            .Where(w => !string.IsNullOrWhiteSpace(w))
            .Distinct(StringComparer.Ordinal)
            .Select(w => (Text: w, Syntax: SyntaxFactory.ParseExpression(w)))
            .ToList();

        var kept = new List<IReadOnlyDictionary<string, ExprValue>>();
        var counts = new int[fill.Count];
        for (var draw = 0; draw < MaxDraws; draw++)
        {
            if (kept.Count >= problem.Samples && counts.All(c => c >= problem.MinPerCase))
            {
                return kept;
            }

            var env = new Dictionary<string, ExprValue>(StringComparer.Ordinal);
            foreach (var (name, syntax) in lets)
            {
                env[name] = Interpreter.Evaluate(syntax, env, context);
            }

            if (!require.All(r => Holds(r, env)))
            {
                continue;
            }

            var hits = fill.Select(f => Holds(f.Syntax, env)).ToArray();
            if (kept.Count >= problem.Samples && !hits.Where((hit, i) => hit && counts[i] < problem.MinPerCase).Any())
            {
                continue;
            }

            kept.Add(env);
            for (var i = 0; i < hits.Length; i++)
            {
                counts[i] += hits[i] ? 1 : 0;
            }
        }

        var missing = fill.Where((_, i) => counts[i] < problem.MinPerCase).Select(f => f.Text);
        throw new QuestionBankException($"{problem.SourceFile}: after {MaxDraws} draws, too few bindings where {string.Join("; ", missing)}");
    }

    /// <summary>Evaluates a condition of the bank on one binding.</summary>
    public static bool Holds(ExpressionSyntax condition, IReadOnlyDictionary<string, ExprValue> env) =>
        Interpreter.Evaluate(condition, env, FunctionContext.None) is TruthValue { Value: true };

    /// <summary>FNV-1a of the problem id: mixes the problem into the seed the same way on every platform.</summary>
    public static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * 1099511628211UL;
        }

        return hash;
    }
}
