using System.Reflection;
using System.Text.RegularExpressions;
using Autograder.Grader.Execution;
using NeuralNet;
using Xunit.Abstractions;

namespace Autograder.Tests.Tensors;

/// <summary>
/// docs/tensor.md names only what exists: every member, operator, indexer and constructor in a table's first column
/// ("C# call") is public on Tensor, Rng or Conv, with an overload that takes the arguments shown (count and names).
/// </summary>
public sealed partial class TensorDocTests(ITestOutputHelper output)
{
    private const BindingFlags Static = BindingFlags.Public | BindingFlags.Static;
    private const BindingFlags Instance = BindingFlags.Public | BindingFlags.Instance;

    private static readonly Dictionary<string, Type> StaticOwners = new(StringComparer.Ordinal)
    {
        ["Tensor"] = typeof(Tensor),
        ["Rng"] = typeof(Rng),
        ["Conv"] = typeof(Conv),
    };

    private static readonly Dictionary<string, string> OperatorMethods = new(StringComparer.Ordinal)
    {
        ["+"] = "op_Addition", ["-"] = "op_Subtraction", ["*"] = "op_Multiply", ["/"] = "op_Division", ["%"] = "op_Modulus",
        [">"] = "op_GreaterThan", ["<"] = "op_LessThan", [">="] = "op_GreaterThanOrEqual", ["<="] = "op_LessThanOrEqual",
        ["=="] = "op_Equality", ["!="] = "op_Inequality",
    };

    [Fact]
    public void EveryDocumentedCall_IsAPublicMemberTakingThoseArguments()
    {
        var doc = File.ReadAllText(Path.Combine(CourseRootFinder.TryFind(AppContext.BaseDirectory)!, "docs", "tensor.md"));
        var calls = DocumentedCalls(doc);
        Assert.True(calls.Count > 80, $"found only {calls.Count} calls in the first column of docs/tensor.md's tables; did the table format change?");

        var members = new SortedSet<string>(StringComparer.Ordinal);
        var problems = calls.SelectMany(call => Problems(call, members)).ToList();

        output.WriteLine($"{calls.Count} calls, {members.Count} members: {string.Join(", ", members)}");
        Assert.True(members.Count > 60, $"checked only {members.Count} members");
        Assert.True(problems.Count == 0, "docs/tensor.md documents what NeuralNet does not have:\n" + string.Join('\n', problems));
    }

    [Theory]
    [InlineData("x.Softmax(1)", "Tensor has no public instance member Softmax")]
    [InlineData("Tensor.Eye(3)", "Tensor has no public static member Eye")]
    [InlineData("rng.NextGaussian()", "Rng has no public instance member NextGaussian")]
    [InlineData("Conv.Im2Col(x, kh, kw)", "Conv.Im2Col has no overload taking 3 arguments")]
    [InlineData("x.T.Softmax(1)", "Tensor has no public instance member Softmax")]
    [InlineData("x.Sum(0).Item2", "Tensor has no public instance member Item2")]
    [InlineData("x.Sum(0, keepdims: true)", "Tensor.Sum has no overload taking 2 arguments with keepdims:")]
    [InlineData("x.Sum(0, true, 1)", "Tensor.Sum has no overload taking 3 arguments")]
    [InlineData("x.Shape()", "Tensor.Shape is a property")]
    [InlineData("0.0 < x", "Tensor has no operator <(Double, Tensor)")]
    [InlineData("x == y", "Tensor has no operator ==(Tensor, Tensor)")]
    [InlineData("new Rng(seed, 2)", "Rng has no public constructor taking 2 arguments")]
    [InlineData("SoftmaxCrossEntropy.OneHot(y, k)", "SoftmaxCrossEntropy.OneHot")]
    public void TheCheck_NamesACallThatDoesNotExist(string call, string expected)
    {
        var calls = DocumentedCalls($"| C# call | shapes |\n| --- | --- |\n| `{call}` | (N, D) |\n");
        Assert.Equal(new[] { call }, calls);

        var problems = Problems(call, []).ToList();

        Assert.True(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), $"expected a problem containing '{expected}', found: {string.Join("; ", problems)}");
    }

    [Theory]
    [InlineData("x.T.Slice(j, k).T")]
    [InlineData("x.Slice(0, 1)[0, 0]")]
    [InlineData("x.Sum(0, keepDims: true)")]
    [InlineData("1.0 - a")]
    [InlineData("x * (x > 0.0)")]
    [InlineData("new Rng(seed)")]
    [InlineData("Tensor.RandomNormal([n, d], mean, std, rng)")]
    public void TheCheck_AcceptsCallsThatCompile(string call) => Assert.Empty(Problems(call, []));

    /// <summary>The code spans of the first cell of every table row (the "C# call" column).</summary>
    private static List<string> DocumentedCalls(string markdown) =>
        markdown.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(l => CodeSpan().Matches(l.Split(" | ")[0]).Select(m => m.Groups["code"].Value))
            .ToList();

    /// <summary>What in <paramref name="call"/> is not public on Tensor, Rng or Conv; adds each member it names to <paramref name="members"/>.</summary>
    private static IEnumerable<string> Problems(string call, ICollection<string> members)
    {
        foreach (Match ctor in Constructor().Matches(call))
        {
            var name = ctor.Groups["type"].Value;
            if (!StaticOwners.TryGetValue(name, out var type))
            {
                yield return $"`{call}`: the page documents Tensor, Rng and Conv, not {name}";
                continue;
            }

            var count = Arguments(ctor.Groups["args"].Value).Count;
            members.Add($"{name}..ctor");
            if (!type.GetConstructors().Any(c => c.GetParameters().Length == count))
            {
                yield return $"`{call}`: {name} has no public constructor taking {count} arguments";
            }
        }

        (Type? Type, int End) previous = (null, -1);
        foreach (Match access in MemberAccess().Matches(call))
        {
            var (owner, name) = (access.Groups["owner"].Value, access.Groups["name"].Value);
            var chained = access.Index == previous.End;
            Type? type;
            BindingFlags flags;
            if (chained)
            {
                (type, flags) = (previous.Type, Instance);
            }
            else if (StaticOwners.TryGetValue(owner, out var staticOwner))
            {
                (type, flags) = (staticOwner, Static);
            }
            else if (owner == "rng")
            {
                (type, flags) = (typeof(Rng), Instance);
            }
            else if (owner == ")" || char.IsLower(owner[0]))
            {
                (type, flags) = (typeof(Tensor), Instance); // a variable such as x, w, g, mask, or a parenthesised tensor expression
            }
            else
            {
                previous = (null, -1);
                yield return $"`{call}`: the page documents Tensor, Rng and Conv, not {owner}.{name}";
                continue;
            }

            var nameEnd = access.Index + access.Length;
            var args = call.Length > nameEnd && call[nameEnd] == '(' ? ArgumentList(call, nameEnd) : null;
            var end = args is null ? nameEnd : nameEnd + args.Length + 2;
            if (type is null)
            {
                previous = (null, end);
                continue; // after a member that was already reported
            }

            var found = type.GetMember(name, flags);
            members.Add($"{type.Name}.{name}");
            if (found.Length == 0)
            {
                previous = (null, end);
                yield return $"`{call}`: {type.Name} has no public {(flags == Static ? "static" : "instance")} member {name}";
                continue;
            }

            var problem = Resolve(type, name, found, args, out var result);
            previous = (result, end);
            if (problem is not null)
            {
                yield return $"`{call}`: {problem}";
            }
        }

        foreach (Match op in BinaryOperator().Matches(call))
        {
            var (left, right) = (OperandType(op.Groups["left"].Value), OperandType(op.Groups["right"].Value));
            var symbol = op.Groups["op"].Value;
            members.Add($"Tensor.operator {symbol}");
            if (!typeof(Tensor).GetMethods(Static).Any(m => m.Name == OperatorMethods[symbol] && m.GetParameters().Select(p => p.ParameterType).SequenceEqual([left, right])))
            {
                yield return $"`{call}`: Tensor has no operator {symbol}({left.Name}, {right.Name})";
            }
        }

        if (UnaryMinus().IsMatch(call))
        {
            members.Add("Tensor.operator -x");
            if (typeof(Tensor).GetMethod("op_UnaryNegation", Static) is null)
            {
                yield return $"`{call}`: Tensor has no unary operator -";
            }
        }

        foreach (Match index in Indexer().Matches(call))
        {
            var count = Arguments(index.Groups["args"].Value).Count;
            members.Add("Tensor.this[]");
            var indexers = typeof(Tensor).GetProperties(Instance).Select(p => p.GetIndexParameters()).Where(p => p.Length > 0);
            if (!indexers.Any(p => p.Length == count || p[^1].IsDefined(typeof(ParamArrayAttribute))))
            {
                yield return $"`{call}`: Tensor has no indexer taking {count} indices";
            }
        }
    }

    /// <summary>A problem with the overloads of <paramref name="name"/> for these arguments, or null; <paramref name="result"/> is the type the access gives.</summary>
    private static string? Resolve(Type type, string name, MemberInfo[] found, string? args, out Type? result)
    {
        var methods = found.OfType<MethodInfo>().ToList();
        if (methods.Count == 0)
        {
            result = found[0] switch { PropertyInfo p => p.PropertyType, FieldInfo f => f.FieldType, _ => null };
            return args is null ? null : $"{type.Name}.{name} is a property, not a method: no ()";
        }

        if (args is null)
        {
            result = null;
            return $"{type.Name}.{name} is a method: call it with ()";
        }

        var arguments = Arguments(args);
        var named = arguments.Select(a => NamedArgument().Match(a)).Where(m => m.Success).Select(m => m.Groups["arg"].Value).ToList();
        var fits = args.Trim() == "..." ? methods : methods.Where(m => Accepts(m.GetParameters(), arguments.Count - named.Count, named)).ToList();
        result = fits.Select(m => m.ReturnType).FirstOrDefault();
        return fits.Count > 0 ? null
            : $"{type.Name}.{name} has no overload taking {arguments.Count} arguments{(named.Count > 0 ? " with " + string.Join(", ", named.Select(n => n + ":")) : "")}";
    }

    private static bool Accepts(ParameterInfo[] parameters, int positional, List<string> named)
    {
        var paramsArray = parameters.Length > 0 && parameters[^1].IsDefined(typeof(ParamArrayAttribute));
        var fixedCount = paramsArray ? parameters.Length - 1 : parameters.Length;
        if (positional > fixedCount && !paramsArray)
        {
            return false;
        }

        var rest = parameters.Skip(Math.Min(positional, parameters.Length)).ToList();
        return named.All(n => rest.Any(p => p.Name == n))
            && rest.All(p => p.IsOptional || named.Contains(p.Name!) || (paramsArray && p == parameters[^1]));
    }

    // A number is a double (an int literal converts), anything else a tensor.
    private static Type OperandType(string operand) => char.IsAsciiDigit(operand[0]) ? typeof(double) : typeof(Tensor);

    /// <summary>The text between the parenthesis at <paramref name="open"/> and its match.</summary>
    private static string ArgumentList(string call, int open)
    {
        var depth = 0;
        for (var i = open; i < call.Length; i++)
        {
            depth += call[i] is '(' or '[' ? 1 : call[i] is ')' or ']' ? -1 : 0;
            if (depth == 0)
            {
                return call[(open + 1)..i];
            }
        }

        return call[(open + 1)..];
    }

    /// <summary>Arguments split at the commas outside brackets: "[n, d], mean" is two.</summary>
    private static List<string> Arguments(string list)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(list))
        {
            return result;
        }

        var (depth, start) = (0, 0);
        for (var i = 0; i < list.Length; i++)
        {
            depth += list[i] is '(' or '[' ? 1 : list[i] is ')' or ']' ? -1 : 0;
            if (list[i] == ',' && depth == 0)
            {
                result.Add(list[start..i].Trim());
                start = i + 1;
            }
        }

        result.Add(list[start..].Trim());
        return result;
    }

    [GeneratedRegex("`(?<code>[^`]+)`")]
    private static partial Regex CodeSpan();

    // x.Name, Tensor.Name, rng.Name, ).Name, T.Name: the owner is the identifier or bracket just before the dot.
    [GeneratedRegex(@"(?<=(?<owner>\b[A-Za-z_]\w*|\)))\.(?<name>[A-Z]\w*)")]
    private static partial Regex MemberAccess();

    [GeneratedRegex(@"\bnew\s+(?<type>[A-Z]\w*)\((?<args>[^()]*)\)")]
    private static partial Regex Constructor();

    // Binary operators written with a space either side, between a number, a variable or a bracket.
    [GeneratedRegex(@"(?<left>\b\d+(\.\d+)?\b|\b[a-z]\w*\b|\))\s+(?<op>>=|<=|==|!=|[-+*/%<>])\s+(?=(?<right>\d+(\.\d+)?|[a-z]\w*|\())")]
    private static partial Regex BinaryOperator();

    [GeneratedRegex(@"(^|\()-[a-z]")]
    private static partial Regex UnaryMinus();

    [GeneratedRegex(@"(\b[a-z]\w*|\))\[(?<args>[^\]]*)\]")]
    private static partial Regex Indexer();

    [GeneratedRegex(@"^(?<arg>[a-z][A-Za-z]*):\s")]
    private static partial Regex NamedArgument();
}
