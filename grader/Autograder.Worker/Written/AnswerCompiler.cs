using System.Collections.Concurrent;
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
/// Compiles one answer expression into a delegate with Roslyn scripting, once, and reuses it for
/// every binding. The script is a generated prologue that reads the bound variables from
/// <see cref="ScriptGlobals"/> followed by the answer, with every number literal made a double
/// (so <c>1/2</c> is 0.5, as on the host). References are only the core library and
/// <see cref="ScriptGlobals"/>; <c>#r</c>/<c>#load</c> resolve nothing. After compiling, every
/// symbol the answer uses is checked again (a second layer behind the host's syntactic
/// allow-list): the question's variables, <see cref="ScriptGlobals"/>' functions and built-in or
/// <see cref="Mat"/> operators, nothing else.
/// </summary>
internal static class AnswerCompiler
{
    private static readonly ScriptOptions Options = ScriptOptions.Default
        .WithReferences(typeof(object).Assembly, Assembly.Load("System.Runtime"), typeof(ScriptGlobals).Assembly)
        .WithImports()
        .WithMetadataResolver(NoMetadata.Instance)
        .WithSourceResolver(NoSources.Instance)
        .WithEmitDebugInformation(false)
        .WithAllowUnsafe(false)
        .WithCheckOverflow(false);

    private static readonly ConcurrentDictionary<string, CompiledAnswer> Cache = new(StringComparer.Ordinal);
    private static readonly Lazy<bool> Warm = new(() => Compile("warm-up", "Sigmoid(x) * T(m) * m", "number",
        [new WrittenVariable("x", false), new WrittenVariable("m", true)], CancellationToken.None).Run is not null);

    /// <summary>Loads and JITs Roslyn once per process (the first compile costs seconds, later ones milliseconds).</summary>
    public static bool WarmUp() => Warm.Value;

    /// <summary>The compiled answer, from the cache when the same answer over the same variables was compiled before.</summary>
    public static CompiledAnswer Compile(string id, string expression, string result, IReadOnlyList<WrittenVariable> variables, CancellationToken cancel)
    {
        var key = $"{result}|{string.Join(",", variables.Select(v => (v.IsMatrix ? "M:" : "N:") + v.Name))}|{expression}";
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached with { Id = id, CompileMs = 0 };
        }

        var compiled = CompileNew(id, expression, result, variables, cancel);
        Cache[key] = compiled;
        return compiled;
    }

    private static CompiledAnswer CompileNew(string id, string expression, string result, IReadOnlyList<WrittenVariable> variables, CancellationToken cancel)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        CompiledAnswer Fail(int position, string message) => new(id, null, new CompileFailure(position, message), Elapsed(started));

        var parsed = SyntaxFactory.ParseExpression(expression);
        if (parsed.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } syntaxError)
        {
            return Fail(syntaxError.Location.SourceSpan.Start + 1, $"syntax error: {syntaxError.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        var (body, inserted) = DoubleLiterals(parsed, expression);
        var prologue = Prologue(variables);
        var script = result == "matrix"
            ? (Script)CSharpScript.Create<Mat>(prologue + body, Options, typeof(ScriptGlobals))
            : CSharpScript.Create<double>(prologue + body, Options, typeof(ScriptGlobals));

        int ToAnswer(int scriptOffset)
        {
            var p = scriptOffset - prologue.Length;
            return Math.Max(0, p - inserted.Count(i => i < p)) + 1;
        }

        var diagnostics = script.Compile(cancel);
        if (diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            return Fail(ToAnswer(error.Location.SourceSpan.Start), Friendly(error, result));
        }

        if (SymbolCheck(script.GetCompilation(), prologue.Length, variables) is { } violation)
        {
            return Fail(ToAnswer(violation.Offset), violation.Message);
        }

        Func<ScriptGlobals, object> run = result == "matrix"
            ? Runner(((Script<Mat>)script).CreateDelegate(cancel))
            : Runner(((Script<double>)script).CreateDelegate(cancel));
        return new CompiledAnswer(id, run, null, Elapsed(started));
    }

    private static Func<ScriptGlobals, object> Runner<T>(ScriptRunner<T> runner) where T : notnull =>
        globals => runner(globals).GetAwaiter().GetResult();

    private static double Elapsed(long started) => System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private static string Prologue(IReadOnlyList<WrittenVariable> variables)
    {
        var code = new StringBuilder();
        int numbers = 0, matrices = 0;
        foreach (var v in variables)
        {
            code.Append(v.IsMatrix
                ? $"Autograder.Worker.Written.Mat {v.Name} = BoundMatrices[{matrices++}];\n"
                : $"double {v.Name} = BoundNumbers[{numbers++}];\n");
        }

        return code.ToString();
    }

    // Appends the D suffix to every number literal; returns the offsets (in the new text) where a character was inserted.
    private static (string Text, List<int> Inserted) DoubleLiterals(ExpressionSyntax parsed, string expression)
    {
        var ends = parsed.DescendantTokens().Where(t => t.IsKind(SyntaxKind.NumericLiteralToken)).Select(t => t.Span.End).Order().ToList();
        var text = new StringBuilder(expression);
        var inserted = new List<int>();
        for (var k = ends.Count - 1; k >= 0; k--)
        {
            text.Insert(ends[k], 'D');
        }

        for (var k = 0; k < ends.Count; k++)
        {
            inserted.Add(ends[k] + k);
        }

        return (text.ToString(), inserted);
    }

    private static string Friendly(Diagnostic error, string result)
    {
        var message = error.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Replace("Autograder.Worker.Written.Mat", "matrix", StringComparison.Ordinal);
        return (error.Id, message) switch
        {
            ("CS0029", var m) when m.Contains("'bool'", StringComparison.Ordinal) => "the answer is a condition (true/false) but a number is expected; wrap it as I(condition)",
            ("CS0029" or "CS0266", var m) when result == "matrix" && m.Contains("'double'", StringComparison.Ordinal) => "a matrix or vector is expected here, found a number",
            ("CS0029" or "CS0266", var m) when result != "matrix" && m.Contains("'matrix'", StringComparison.Ordinal) => "a number is expected here, found a matrix",
            _ => $"{error.Id}: {message}",
        };
    }

    private static (int Offset, string Message)? SymbolCheck(Compilation compilation, int start, IReadOnlyList<WrittenVariable> variables)
    {
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot();
        if (root.DescendantTrivia(descendIntoTrivia: true).Any(t => t.IsDirective))
        {
            return (start, "directives are not allowed");
        }

        var names = variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var node in root.DescendantNodes().Where(n => n.SpanStart >= start))
        {
            if (node is not (GlobalStatementSyntax or ExpressionStatementSyntax or ArgumentListSyntax or ArgumentSyntax or LiteralExpressionSyntax
                or IdentifierNameSyntax or InvocationExpressionSyntax or BinaryExpressionSyntax or PrefixUnaryExpressionSyntax
                or ParenthesizedExpressionSyntax or ConditionalExpressionSyntax))
            {
                return (node.SpanStart, $"'{node.Kind()}' is not allowed in an answer");
            }

            var symbol = node is IdentifierNameSyntax or InvocationExpressionSyntax or BinaryExpressionSyntax or PrefixUnaryExpressionSyntax
                ? model.GetSymbolInfo(node).Symbol
                : null;
            if (symbol is null || Allowed(symbol, names))
            {
                continue;
            }

            return (node.SpanStart, $"'{symbol.ToDisplayString()}' is not allowed in an answer");
        }

        return null;
    }

    private static bool Allowed(ISymbol symbol, HashSet<string> variables) => symbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.BuiltinOperator } => true,
        IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator } m => m.ContainingType.Name == nameof(Mat),
        IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: true } m => m.ContainingType.Name == nameof(ScriptGlobals) && m.ContainingNamespace.ToDisplayString() == typeof(ScriptGlobals).Namespace,
        IFieldSymbol or ILocalSymbol => variables.Contains(symbol.Name) && symbol.ContainingType is not { Name: nameof(ScriptGlobals) },
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
