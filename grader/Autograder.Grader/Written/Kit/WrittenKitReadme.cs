using System.Text;
using Autograder.Grader.Written.Bank;

namespace Autograder.Grader.Written.Kit;

/// <summary>The kit README: how answers are written and graded, the functions, and every question.</summary>
internal static class WrittenKitReadme
{
    public static string Generate(QuestionBank bank)
    {
        var text = new StringBuilder();
        text.Append("# Written answers\n\n");
        text.Append("Generated from the course's question bank; do not edit by hand.\n\n");
        text.Append("The theory parts of Homework 3 (multiclass perceptron, backpropagation for a mini CNN, parameter\n");
        text.Append("counts), Deep Learning Assignment 1 (softmax Jacobian, AND/OR neurons) and 10-601 Homework 5\n");
        text.Append("(convolutions, backpropagation on a DAG, backpropagation through time) are graded automatically\n");
        text.Append("from `answers.yaml`. Proofs, essays and experiment write-ups are graded by hand (listed at the end).\n\n");
        text.Append("## How to answer\n\n");
        text.Append("Write each answer after its key in `answers.yaml` and submit that file.\n\n");
        text.Append("- **Expressions** are C# expressions over the variables listed for the question, quoted:\n");
        text.Append("  `some.id: \"Sigmoid(w*x + b) * (1 - Sigmoid(w*x + b)) * x\"`. Write `*` for every product, `Pow(x, 2)` or `x*x`\n");
        text.Append("  for powers (`^` is not a power in C#). Every number is a real number: `1/2` is 0.5.\n");
        text.Append("- **Cases**: use the conditional operator `condition ? a : b` (e.g. `x < 0 ? -x : x`) or the indicator\n");
        text.Append("  `I(condition)`; conditions use `< <= > >= == !=`, `&&`, `||`, `!`.\n");
        text.Append("- **Vectors and matrices** (HW5 question 3, the softmax Jacobian): vectors are columns (shape n x 1);\n");
        text.Append("  `*` of two matrices is the matrix product, `T(M)` the transpose, so `T(A) * u` is A^T u and\n");
        text.Append("  `u * T(v)` the outer product u v^T.\n");
        text.Append("- **Numbers**: a number, or the arithmetic that gives it: `some.count: 3*4 + 4`.\n");
        text.Append("- **Shapes**: height x width, e.g. `5x4`.\n");
        text.Append("- **Choices**: a list of option ids, e.g. `[stride, padding]`; one id where the question has one answer.\n");
        text.Append("- **Neurons**: `{ w: [w1, w2], b: bias }`.\n\n");
        text.Append("Only these are accepted: numbers, the question's variables, the functions below, arithmetic,\n");
        text.Append("comparison, logical and conditional operators and parentheses, on one line of at most 400 characters.\n");
        text.Append("Anything else (member access such as `Math.Exp`, `new`, lambdas, strings, statements) is refused with\n");
        text.Append("the position and the reason, and the answer scores 0. Names are case-sensitive: `Sigmoid`, not `sigmoid`.\n\n");
        text.Append("## Check your answers before you submit\n\n");
        text.Append("```\ndotnet run --project tools/Check            # or: dotnet run --project tools/Check -- path/to/answers.yaml\n```\n\n");
        text.Append("reads `answers.yaml` with the grader's own reader and validator, and evaluates every expression at a sample\n");
        text.Append("point of its variables. Each question gets `ok`, `-` (not answered) or `ERROR` with the line, the position and\n");
        text.Append("the reason (a typo such as `sigmoid` names the close function, `Sigmoid`). It knows the questions, not their\n");
        text.Append("answers: `ok` means the grader can read and evaluate your answer, not that it is right. It exits with 1\n");
        text.Append("while any answer has a problem. Needs only the .NET SDK named in `global.json`.\n\n");
        text.Append("## How it is graded\n\n");
        text.Append("Your expression is evaluated at random values of its variables that are consistent with the problem\n");
        text.Append("(for Problem 2, random x, y, w, v with a, o and yhat computed from them) and compared with the correct\n");
        text.Append("answer within a relative tolerance of 1e-6. Any equivalent form passes: `1 - Sigmoid(z)` and\n");
        text.Append("`Sigmoid(-z)`, cases and indicators, expanded or factored. Questions with cases score each case\n");
        text.Append("separately. A neuron is run on all four inputs and compared with the gate's truth table.\n\n");
        text.Append("## Functions\n\n| function | meaning |\n| --- | --- |\n");
        foreach (var f in WrittenKit.Functions)
        {
            text.Append($"| `{f.Signature}` | {f.Summary} |\n");
        }

        text.Append("\n## Questions\n");
        foreach (var problem in bank.Problems)
        {
            text.Append($"\n### {problem.Title}\n\n");
            text.Append("| id | question | points | variables |\n| --- | --- | --- | --- |\n");
            foreach (var q in problem.Questions.Where(q => q.Kind != QuestionKind.Manual))
            {
                var vars = q.Variables.Count > 0 ? string.Join(", ", q.Variables.Select(v => $"`{v}`")) : "";
                text.Append($"| `{q.Id}` | {q.Title} | {q.Points:0.##} | {vars} |\n");
            }

            var manual = problem.Questions.Where(q => q.Kind == QuestionKind.Manual).ToList();
            foreach (var q in manual)
            {
                var how = q.Deduction ? $"Checked by hand, a deduction of up to {q.ManualPoints:0.##} point{(q.ManualPoints == 1 ? "" : "s")}" : "Graded by hand";
                text.Append($"\n{how} (not in `answers.yaml`): **{q.Title}**: {q.Prompt}\n");
            }
        }

        return text.ToString();
    }
}
