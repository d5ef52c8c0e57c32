using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace Autograder.Worker.Written;

/// <summary>
/// Compiles answer expressions into delegates with Roslyn scripting: all answers of a request in
/// ONE script (each becomes a static method whose parameters are its question's variables), so a
/// request costs one compilation, and each delegate then runs on every binding. Number literals are
/// made doubles (so <c>1/2</c> is 0.5, as on the host). References are only the core library and
/// <see cref="AnswerGlobals"/>; <c>#r</c>/<c>#load</c> resolve nothing. After compiling, every
/// symbol inside an answer is checked again (a second layer behind the host's syntactic
/// allow-list): its own variables, <see cref="AnswerGlobals"/>' functions and built-in or
/// <see cref="Mat"/> operators, nothing else. An answer that fails is reported and the others are
/// compiled again without it.
/// </summary>
internal static class AnswerCompiler
{
    private const string MatType = "Autograder.Worker.Written.Mat";
    private const string Runner = "System.Func<Autograder.Worker.Written.AnswerGlobals, object>";

    private static readonly ScriptOptions Options = ScriptOptions.Default
        .WithReferences(typeof(object).Assembly, Assembly.Load("System.Runtime"), typeof(AnswerGlobals).Assembly)
        .WithImports()
        .WithMetadataResolver(NoMetadata.Instance)
        .WithSourceResolver(NoSources.Instance)
        .WithEmitDebugInformation(false)
        .WithAllowUnsafe(false)
        .WithCheckOverflow(false);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CompiledAnswer> Cache = new(StringComparer.Ordinal);

    private static readonly Lazy<bool> Warm = new(() => CompileBatch(
        [new WrittenItem("warm-up", "Sigmoid(x) * T(m) * m", "matrix", [new WrittenVariable("x", false), new WrittenVariable("m", true)], [])],
        CancellationToken.None)[0].Run is not null);

    /// <summary>Loads and JITs Roslyn once per process (the first compilation costs seconds, later ones far less).</summary>
    public static bool WarmUp() => Warm.Value;

    /// <summary>Compiles every item, reusing answers this process compiled before (same expression, result kind and variables).</summary>
    public static IReadOnlyList<CompiledAnswer> CompileBatch(IReadOnlyList<WrittenItem> items, CancellationToken cancel)
    {
        if (Cache.Count > 4096)
        {
            Cache.Clear();
        }

        var keys = items.Select(Key).ToList();
        var missing = Enumerable.Range(0, items.Count).Where(i => !Cache.ContainsKey(keys[i])).ToList();
        if (missing.Count > 0)
        {
            var fresh = CompileNew(missing.Select(i => items[i]).ToList(), cancel);
            for (var k = 0; k < missing.Count; k++)
            {
                Cache[keys[missing[k]]] = fresh[k];
            }
        }

        return items.Select((item, i) => Cache[keys[i]] with { Id = item.Id }).ToList();
    }

    private static string Key(WrittenItem item) =>
        $"{item.Result}|{string.Join(",", item.Variables.Select(v => (v.IsMatrix ? "M:" : "N:") + v.Name))}|{item.Expression}";

    private static IReadOnlyList<CompiledAnswer> CompileNew(IReadOnlyList<WrittenItem> items, CancellationToken cancel)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var results = new CompiledAnswer?[items.Count];
        var live = new List<int>();
        var bodies = new (string Text, List<int> Inserted)[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var parsed = SyntaxFactory.ParseExpression(items[i].Expression);
            if (parsed.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } syntaxError)
            {
                results[i] = Failed(items[i], syntaxError.Location.SourceSpan.Start + 1, $"syntax error: {syntaxError.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
                continue;
            }

            bodies[i] = DoubleLiterals(parsed, items[i].Expression);
            live.Add(i);
        }

        // Each round either compiles every live item or removes at least one failing item.
        while (live.Count > 0)
        {
            var (code, spans) = Script(items, bodies, live);
            var script = CSharpScript.Create<Func<AnswerGlobals, object>[]>(code, Options, typeof(AnswerGlobals));
            var diagnostics = script.Compile(cancel);
            var failing = new HashSet<int>();
            foreach (var error in diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                var k = spans.FindIndex(s => error.Location.SourceSpan.Start >= s.Start && error.Location.SourceSpan.Start <= s.End);
                if (k < 0)
                {
                    throw new InvalidOperationException($"written: generated code failed to compile: {error}");
                }

                var i = live[k];
                if (failing.Add(i))
                {
                    results[i] = Failed(items[i], ToAnswer(bodies[i].Inserted, error.Location.SourceSpan.Start - spans[k].Start), Friendly(error, items[i].Result));
                }
            }

            if (failing.Count == 0)
            {
                var compilation = script.GetCompilation();
                for (var k = 0; k < live.Count; k++)
                {
                    if (SymbolCheck(compilation, spans[k], items[live[k]].Variables) is { } violation)
                    {
                        failing.Add(live[k]);
                        results[live[k]] = Failed(items[live[k]], ToAnswer(bodies[live[k]].Inserted, violation.Offset - spans[k].Start), violation.Message);
                    }
                }
            }

            if (failing.Count == 0)
            {
                var runners = script.RunAsync(new AnswerGlobals([], []), cancel).GetAwaiter().GetResult().ReturnValue;
                var ms = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                for (var k = 0; k < live.Count; k++)
                {
                    results[live[k]] = new CompiledAnswer(items[live[k]].Id, runners[k], null, ms);
                }

                break;
            }

            live.RemoveAll(failing.Contains);
        }

        return results.Select(r => r!).ToList();
    }

    private static CompiledAnswer Failed(WrittenItem item, int position, string message) => new(item.Id, null, new CompileFailure(position, message), 0);

    private static int ToAnswer(List<int> inserted, int offsetInBody) =>
        Math.Max(0, offsetInBody - inserted.Count(p => p < offsetInBody)) + 1;

    // One static method per answer, then the array of runners that feed each method its bound variables.
    private static (string Code, List<(int Start, int End)> Spans) Script(IReadOnlyList<WrittenItem> items, (string Text, List<int> Inserted)[] bodies, List<int> live)
    {
        var code = new StringBuilder();
        var spans = new List<(int, int)>();
        for (var k = 0; k < live.Count; k++)
        {
            var item = items[live[k]];
            var parameters = string.Join(", ", item.Variables.Select(v => $"{(v.IsMatrix ? MatType : "double")} {v.Name}"));
            code.Append($"static {(item.Result == "matrix" ? MatType : "double")} Answer{k}({parameters}) =>\n");
            var start = code.Length;
            code.Append(bodies[live[k]].Text);
            spans.Add((start, code.Length));
            code.Append(";\n");
        }

        code.Append($"new {Runner}[] {{\n");
        for (var k = 0; k < live.Count; k++)
        {
            int numbers = 0, matrices = 0;
            var args = items[live[k]].Variables.Select(v => v.IsMatrix ? $"g.BoundMatrices[{matrices++}]" : $"g.BoundNumbers[{numbers++}]");
            code.Append($"    g => (object)Answer{k}({string.Join(", ", args)}),\n");
        }

        code.Append('}');
        return (code.ToString(), spans);
    }

    // Appends the D suffix to every number literal; returns the offsets (in the new text) where a character was inserted.
    private static (string Text, List<int> Inserted) DoubleLiterals(ExpressionSyntax parsed, string expression)
    {
        var ends = parsed.DescendantTokens().Where(t => t.IsKind(SyntaxKind.NumericLiteralToken)).Select(t => t.Span.End).Order().ToList();
        var text = new StringBuilder(expression);
        for (var k = ends.Count - 1; k >= 0; k--)
        {
            text.Insert(ends[k], 'D');
        }

        return (text.ToString(), ends.Select((end, k) => end + k).ToList());
    }

    private static string Friendly(Diagnostic error, string result)
    {
        var message = error.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Replace(MatType, "matrix", StringComparison.Ordinal);
        return (error.Id, message) switch
        {
            ("CS0029", var m) when m.Contains("'bool'", StringComparison.Ordinal) => "the answer is a condition (true/false) but a number is expected; wrap it as I(condition)",
            ("CS0029" or "CS0266", var m) when result == "matrix" && m.Contains("'double'", StringComparison.Ordinal) => "a matrix or vector is expected here, found a number",
            ("CS0029" or "CS0266", var m) when result != "matrix" && m.Contains("'matrix'", StringComparison.Ordinal) => "a number is expected here, found a matrix",
            _ => $"{error.Id}: {message}",
        };
    }

    private static (int Offset, string Message)? SymbolCheck(Compilation compilation, (int Start, int End) span, IReadOnlyList<WrittenVariable> variables)
    {
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot();
        if (root.DescendantTrivia(descendIntoTrivia: true).Any(t => t.IsDirective))
        {
            return (span.Start, "directives are not allowed");
        }

        var names = variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var node in root.DescendantNodes().Where(n => n.SpanStart >= span.Start && n.Span.End <= span.End))
        {
            if (node is not (ArgumentListSyntax or ArgumentSyntax or LiteralExpressionSyntax or IdentifierNameSyntax or InvocationExpressionSyntax
                or BinaryExpressionSyntax or PrefixUnaryExpressionSyntax or ParenthesizedExpressionSyntax or ConditionalExpressionSyntax))
            {
                return (node.SpanStart, $"'{node.Kind()}' is not allowed in an answer");
            }

            var symbol = node is IdentifierNameSyntax or InvocationExpressionSyntax or BinaryExpressionSyntax or PrefixUnaryExpressionSyntax
                ? model.GetSymbolInfo(node).Symbol
                : null;
            if (symbol is not null && !Allowed(symbol, names))
            {
                return (node.SpanStart, $"'{symbol.ToDisplayString()}' is not allowed in an answer");
            }
        }

        return null;
    }

    private static bool Allowed(ISymbol symbol, HashSet<string> variables) => symbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.BuiltinOperator } => true,
        IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator } m => m.ContainingType.Name == nameof(Mat),
        IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: true } m => m.ContainingType.Name == nameof(AnswerGlobals) && m.ContainingNamespace.ToDisplayString() == typeof(AnswerGlobals).Namespace,
        IParameterSymbol p => variables.Contains(p.Name),
        _ => false,
    };

    private sealed class NoMetadata : MetadataReferenceResolver
    {
        public static readonly NoMetadata Instance = new();

        public override bool Equals(object? other) => ReferenceEquals(this, other);

        public override int GetHashCode() => 0;

        public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties) => [];
    }

    private sealed class NoSources : SourceReferenceResolver
    {
        public static readonly NoSources Instance = new();

        public override bool Equals(object? other) => ReferenceEquals(this, other);

        public override int GetHashCode() => 0;

        public override string? NormalizePath(string path, string? baseFilePath) => null;

        public override Stream OpenRead(string resolvedPath) => throw new FileNotFoundException("sources cannot be loaded", resolvedPath);

        public override string? ResolveReference(string path, string? baseFilePath) => null;
    }
}
