using Autograder.Grader.Execution;
using NJsonSchema;

namespace Autograder.Tests.Gradescope;

/// <summary>Validates results.json files against rubrics/schemas/gradescope-results.schema.json (Gradescope's documented format).</summary>
internal static class GradescopeSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        var root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;
        return JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(root, "rubrics", "schemas", "gradescope-results.schema.json"))).GetAwaiter().GetResult();
    });

    /// <summary>The schema's complaints about <paramref name="json"/>, one line each (empty when valid).</summary>
    public static IReadOnlyList<string> Errors(string json) => Schema.Value.Validate(json).Select(e => $"{e.Path}: {e.Kind}").ToList();
}
