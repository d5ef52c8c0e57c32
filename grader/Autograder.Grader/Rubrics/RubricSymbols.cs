using System.Reflection;
using Autograder.Grader.Written.Expressions;

namespace Autograder.Grader.Rubrics;

/// <summary>
/// Checks that every type and member a rubric check names exists in the reference library, so a typo
/// (<c>NeuralNet.Layers.Liner</c>) stops the rubric at load with the close names instead of failing the item
/// for every student. Names reached through a binding (<c>$m.Forward</c>) are checked when the check runs.
/// </summary>
public static class RubricSymbols
{
    private const BindingFlags Members = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;

    /// <summary>Each problem of <paramref name="check"/> as (YAML key under the check, message).</summary>
    public static IEnumerable<(string Key, string Message)> Problems(CheckSpec check, Assembly library)
    {
        string? typeProblem = null;
        var type = check.Type is { } t ? Resolve(t, library, "type", out typeProblem) : null;
        if (typeProblem is not null)
        {
            yield return ("type", typeProblem);
        }

        if (check.Factory is { } factory && MethodProblem(factory, library) is { } factoryProblem)
        {
            yield return ("factory", factoryProblem);
        }

        if (check.Optimizer is { } optimizer && Resolve(optimizer, library, "optimizer", out var optimizerProblem) is null)
        {
            yield return ("optimizer", optimizerProblem!);
        }

        if (check.MethodType is { } methodType)
        {
            var declaring = Resolve(methodType, library, "method_type", out var declaringProblem);
            if (declaring is null)
            {
                yield return ("method_type", declaringProblem!);
            }
            else if (check.Method is { } method && MemberProblem(declaring, method, "method") is { } methodProblem)
            {
                yield return ("method", methodProblem);
            }
        }
        else if (check.Method is { } method && type is not null && check.MethodTarget is null && check.Factory is null
            && check.Kind is "model" or "gradcheck" && MemberProblem(type, method, "method") is { } methodProblem)
        {
            yield return ("method", methodProblem);
        }

        var calls = check.Setup.Select((c, i) => ($"setup[{i}]", c))
            .Concat(check.ReferenceValues.Select((c, i) => ($"reference_values[{i}]", c)))
            .Concat(check.Step.Select((c, i) => ($"step[{i}]", c)))
            .Concat(check.Predict.Select((c, i) => ($"predict[{i}]", c)))
            .Concat((check.Functions ?? []).SelectMany(f => f.Value.Select((c, i) => ($"functions.{f.Key}[{i}]", c))));
        foreach (var (at, call) in calls)
        {
            if (call.New is { } created && Resolve(created, library, "new", out var newProblem) is null)
            {
                yield return ($"{at}.new", newProblem!);
            }

            if (call.Call is { } called && !called.StartsWith('$') && MethodProblem(called, library) is { } callProblem)
            {
                yield return ($"{at}.call", callProblem);
            }
        }
    }

    /// <summary>A type by full name in <paramref name="library"/> (or the runtime), else null with the close names.</summary>
    private static Type? Resolve(string name, Assembly library, string key, out string? problem)
    {
        var type = Autograder.Worker.Engine.LibraryTypes.FindType(library, name) ?? Type.GetType(name, throwOnError: false);
        problem = type is null
            ? $"unknown {key} '{name}' (no such type in {library.GetName().Name}){Close(name, Autograder.Worker.Engine.LibraryTypes.ExportedTypes(library).Select(x => x.FullName!))}"
            : null;
        return type;
    }

    /// <summary><c>Namespace.Type.Method</c>: the type must exist and declare the method.</summary>
    private static string? MethodProblem(string qualified, Assembly library)
    {
        var dot = qualified.LastIndexOf('.');
        if (dot <= 0)
        {
            return $"'{qualified}' should be Namespace.Type.Method";
        }

        var type = Resolve(qualified[..dot], library, "type", out var problem);
        return type is null ? problem : MemberProblem(type, qualified[(dot + 1)..], "method");
    }

    private static string? MemberProblem(Type type, string member, string key) =>
        type.GetMember(member, Members).Length > 0
            ? null
            : $"unknown {key} '{member}': {type.FullName} has no public member of that name{Close(member, type.GetMembers(Members).Select(m => m.Name))}";

    /// <summary>"; did you mean: a, b" for the names within a typo's distance, or nothing.</summary>
    private static string Close(string name, IEnumerable<string> candidates)
    {
        var close = candidates.Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: NameSuggester.Distance(name.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(2, name.Length / 4))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(3).Select(c => c.Name).ToList();
        return close.Count > 0 ? $"; did you mean: {string.Join(", ", close)}" : "";
    }
}
