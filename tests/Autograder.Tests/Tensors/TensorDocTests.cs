using System.Reflection;
using System.Text.RegularExpressions;
using Autograder.Grader.Execution;
using NeuralNet;

namespace Autograder.Tests.Tensors;

/// <summary>docs/tensor.md names only members that exist: every call in a table's first column is a public member of Tensor, Conv or Rng, with the named arguments it shows.</summary>
public sealed partial class TensorDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(CourseRootFinder.TryFind(AppContext.BaseDirectory)!, "docs", "tensor.md"));

    [Fact]
    public void EveryDocumentedCall_IsAPublicMemberWithThoseNamedArguments()
    {
        var calls = Doc.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(l => CodeSpan().Matches(l.Split(" | ")[0]).Select(m => m.Groups["code"].Value))
            .ToList();
        Assert.True(calls.Count > 60, $"found only {calls.Count} documented calls; did the table format change?");

        var problems = new List<string>();
        var checkedMembers = 0;
        foreach (var call in calls)
        {
            foreach (Match member in MemberAccess().Matches(call))
            {
                var owner = member.Groups["owner"].Value;
                var name = member.Groups["name"].Value;
                var type = owner switch { "rng" or "Rng" => typeof(Rng), "Conv" => typeof(Conv), _ => typeof(Tensor) };
                var flags = BindingFlags.Public | (owner is "Tensor" or "Rng" or "Conv" ? BindingFlags.Static : BindingFlags.Instance);
                var found = type.GetMember(name, flags);
                checkedMembers++;
                if (found.Length == 0)
                {
                    problems.Add($"`{call}`: {type.Name} has no public {(flags.HasFlag(BindingFlags.Static) ? "static" : "instance")} member {name}");
                    continue;
                }

                foreach (Match named in NamedArgument().Matches(call[member.Index..]))
                {
                    if (!found.OfType<MethodInfo>().Any(m => m.GetParameters().Any(p => p.Name == named.Groups["arg"].Value)))
                    {
                        problems.Add($"`{call}`: {type.Name}.{name} has no parameter named {named.Groups["arg"].Value}");
                    }
                }
            }
        }

        Assert.True(checkedMembers > 60, $"checked only {checkedMembers} members");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void TheCheck_CatchesAMemberThatDoesNotExist()
    {
        Assert.Empty(typeof(Tensor).GetMember("Softmax", BindingFlags.Public | BindingFlags.Instance));
        Assert.Matches(MemberAccess(), "x.Softmax(1)");
    }

    [GeneratedRegex("`(?<code>[^`]+)`")]
    private static partial Regex CodeSpan();

    // x.Name, w.Name, Tensor.Name, rng.Name: the member named after a receiver the page uses.
    [GeneratedRegex(@"\b(?<owner>x|y|w|a|g|Tensor|Conv|rng|Rng)\.(?<name>[A-Z][A-Za-z0-9]*)")]
    private static partial Regex MemberAccess();

    [GeneratedRegex(@"\b(?<arg>[a-z][A-Za-z]*):\s")]
    private static partial Regex NamedArgument();
}
