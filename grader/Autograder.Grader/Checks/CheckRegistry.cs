using Autograder.Grader.Checks.Kinds;

namespace Autograder.Grader.Checks;

/// <summary>The check kinds a rubric may name, by their YAML name.</summary>
internal static class CheckRegistry
{
    private static readonly Dictionary<string, ICheckKind> Kinds = new ICheckKind[]
    {
        new ForwardCheck(), new BackwardCheck(), new InitCheck(), new GradCheck(), new OptimizerCheck(),
        new ModelCheck(), new TrainingLogCheck(), new ScriptCheck(), new AccuracyCheck(), new OutputFilesCheck(), new FunctionCheck(), new WrittenCheck(), new PlotCheck(),
    }.ToDictionary(k => k.Kind, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Names => Kinds.Keys;

    public static ICheckKind Get(string kind) =>
        Kinds.TryGetValue(kind, out var check) ? check : throw new RubricError($"unknown check kind '{kind}'");
}
