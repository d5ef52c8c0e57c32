// The written kit's local check: reads answers.yaml the way the grader does, checks every answer's syntax and names,
// and evaluates each expression at a sample point of its variables. It knows the questions' variables and the form
// of each answer, never the answers: "ok" means the grader can read and evaluate the answer, not that it is right.
using System.Text.Json;
using Autograder.Grader.Written.Answers;
using Autograder.Grader.Written.Expressions;
using Microsoft.CodeAnalysis.CSharp.Syntax;

var file = args.Length > 0 ? args[0] : FindAnswers();
if (file is null || !File.Exists(file))
{
    Console.Error.WriteLine($"check: {file ?? "answers.yaml"} was not found; run from the kit folder or give the file: dotnet run --project tools/Check -- answers.yaml");
    return 2;
}

var questions = JsonSerializer.Deserialize<List<Question>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "questions.json")), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
var sheet = AnswerSheet.Load(file);
// An entry the YAML parser cannot read costs only its own question (the grader reads the rest): it is flagged below.
if (sheet.Problems.Count > 0)
{
    foreach (var problem in sheet.Problems)
    {
        Console.WriteLine($"{file}: {problem}");
    }

    Console.WriteLine("0 answers checked: fix the file first (the grader reads nothing from it as it is)");
    return 1;
}

var known = questions.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
var errors = 0;
var answered = 0;
foreach (var id in sheet.Answers.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal))
{
    Console.WriteLine($"line {sheet.Answers[id].Line}: '{id}' is not a question id; keep the keys as the kit has them (the grader ignores this one)");
    errors++;
}

var rng = new Random(20261205);
foreach (var q in questions)
{
    var answer = sheet[q.Id];
    if (sheet.Unreadable.TryGetValue(q.Id, out var unreadable))
    {
        Console.WriteLine($"  ERROR  {q.Id} (line {unreadable.Line}): {unreadable.Message}");
        answered++;
        errors++;
        continue;
    }

    if (answer.IsBlank)
    {
        Console.WriteLine($"  -      {q.Id}: not answered");
        continue;
    }

    answered++;
    var problem = q.Kind switch
    {
        "expression" or "number" => Expression(q, answer),
        "shape" => ShapeAnswer.TryParse(answer.Text) is null ? $"expected a shape like 5x4 (height x width), found '{answer.Text}'" : null,
        "choice" => Choice(q, answer),
        "neuron" => Neuron(answer),
        _ => null,
    };
    Console.WriteLine(problem is null ? $"  ok     {q.Id}" : $"  ERROR  {q.Id} (line {answer.Line}): {problem}");
    errors += problem is null ? 0 : 1;
}

Console.WriteLine($"{answered} of {questions.Count} questions answered, {errors} problem(s). " +
    (errors == 0 ? "Every answer can be read and evaluated; whether it is right is for the grader." : "An answer with a problem scores 0: fix it before you submit."));
return errors == 0 ? 0 : 1;

string? Expression(Question q, StudentAnswer answer)
{
    if (answer.Text is not { } text)
    {
        return $"expected one {(q.Kind == "number" ? "number" : "expression")} on one line, found a {(answer.Items is null ? "mapping" : "list")}";
    }

    var check = ExpressionValidator.Validate(text, q.Variables);
    if (!check.Ok)
    {
        return check.Error!.ToString();
    }

    var point = q.Variables.ToDictionary(v => v, v => q.Shapes.TryGetValue(v, out var shape)
        ? (ExprValue)new MatrixValue(Matrix.Build(shape[0], shape[1], (_, _) => Sample()))
        : new ScalarValue(Sample()), StringComparer.Ordinal);
    try
    {
        var value = Interpreter.Evaluate((ExpressionSyntax)check.Syntax!, point, FunctionContext.None);
        if (q.Result is { } want && value.Describe() != want && !(want == "number" && value is ScalarValue))
        {
            return $"evaluates to a {value.Describe()}, but the question asks for a {want}";
        }

        if (value is ScalarValue { Value: var v } && !double.IsFinite(v))
        {
            return $"evaluates to {v} at {string.Join(", ", point.Where(p => p.Value is ScalarValue).Select(p => $"{p.Key} = {((ScalarValue)p.Value).Value:0.###}"))}: a division by zero or a logarithm of a negative number?";
        }
    }
    catch (Exception e) when (e is EvaluationException or InvalidOperationException or ArgumentException)
    {
        return $"cannot be evaluated: {e.Message}";
    }

    return null;
}

string? Choice(Question q, StudentAnswer answer)
{
    var (chosen, error) = ChoiceReading.Read([.. q.Options.Select(o => (o.Id, o.Text))], q.Single, answer);
    return error ?? (chosen!.Count == 0 ? "no option chosen" : null);
}

string? Neuron(StudentAnswer answer)
{
    var (texts, error) = NeuronReading.Read(answer);
    return texts is null ? error : texts.Select(t => ExpressionValidator.Validate(t.Text, []) is { Ok: false } bad ? $"{t.Name}: {bad.Error}" : null).FirstOrDefault(e => e is not null);
}

double Sample() => 0.2 + (0.6 * rng.NextDouble());

static string? FindAnswers()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, AnswerSheet.FileName);
        if (File.Exists(candidate))
        {
            return candidate;
        }
    }

    return null;
}

/// <summary>What the kit knows of a question: its id, the kind of answer, the variables (with matrix shapes) and the form of the result.</summary>
internal sealed record Question(string Id, string Kind, List<string> Variables, Dictionary<string, int[]> Shapes, string? Result, List<Option> Options, bool Single);

/// <summary>A choice question's option as the kit lists it.</summary>
internal sealed record Option(string Id, string Text);
