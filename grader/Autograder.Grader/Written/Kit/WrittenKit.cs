using System.Globalization;
using System.Text;
using Autograder.Grader.Written.Bank;
using Autograder.Grader.Written.Expressions;

namespace Autograder.Grader.Written.Kit;

/// <summary>
/// Writes the students' kit <c>skeleton/written/</c> from the bank: <c>answers.yaml</c> with every
/// question id, an empty answer and, above it, the question, its variables and the expected form;
/// and a README with the answer rules and the function list. Only ids, titles, prompts, hints,
/// variables, options and points leave the bank; never a reference answer or an instructor note.
/// </summary>
public static class WrittenKit
{
    public const string Folder = "skeleton/written";

    /// <summary>
    /// The kit's files by path relative to the course root; with <paramref name="courseRoot"/> also the local check
    /// tool (<see cref="WrittenCheckTool"/>), whose engine is copied from the grader's sources there.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Files(QuestionBank bank, string? courseRoot = null)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{Folder}/answers.yaml"] = Answers(bank),
            [$"{Folder}/README.md"] = WrittenKitReadme.Generate(bank),
            [WrittenRubric.RelativePath] = WrittenRubric.Generate(bank),
        };
        if (courseRoot is not null)
        {
            foreach (var (path, text) in WrittenCheckTool.Files(bank, courseRoot))
            {
                files[$"{Folder}/{path}"] = text;
            }
        }

        return files;
    }

    /// <summary>Writes the kit and the rubric under <paramref name="courseRoot"/>.</summary>
    public static void Write(QuestionBank bank, string courseRoot)
    {
        foreach (var (path, text) in Files(bank, courseRoot))
        {
            var full = Path.Combine(courseRoot, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    public static string Answers(QuestionBank bank)
    {
        var text = new StringBuilder();
        text.Append("# Written answers (assignment `written`). Generated from the question bank: keep the keys as they are.\n");
        text.Append("# Write each answer after its key, on one line. Expressions are C# expressions over the variables\n");
        text.Append("# listed for the question, e.g. \"Sigmoid(w*x + b) * (1 - Sigmoid(w*x + b)) * x\"; quote them. README.md has the rules\n");
        text.Append("# and the functions you may call. Leave \"\" for a question you skip. Proofs and essays go in your report.\n");
        text.Append("# Check the file before you submit: dotnet run --project tools/Check (reads it as the grader does).\n");
        foreach (var problem in bank.Problems)
        {
            text.Append('\n').Append($"# ===== {problem.Title} =====\n");
            foreach (var q in problem.Questions.Where(q => q.Kind != QuestionKind.Manual))
            {
                text.Append('\n').Append($"# {q.Title} ({Points(q.Points)})\n");
                foreach (var line in TextWrap.Lines(q.Prompt, 96))
                {
                    text.Append($"#   {line}\n");
                }

                if (q.Variables.Count > 0)
                {
                    text.Append($"#   variables: {string.Join(", ", q.Variables)}\n");
                }

                foreach (var option in q.Options)
                {
                    text.Append($"#   option {option.Id}: {option.Text}\n");
                }

                text.Append($"#   form: {q.Hint}\n");
                text.Append($"{q.Id}: \"\"\n");
            }
        }

        return text.ToString();
    }

    internal static string Points(double points) =>
        points == 1 ? "1 point" : $"{points.ToString("0.##", CultureInfo.InvariantCulture)} points";

    internal static IEnumerable<FunctionSpec> Functions => FunctionTable.StudentFunctions;
}
