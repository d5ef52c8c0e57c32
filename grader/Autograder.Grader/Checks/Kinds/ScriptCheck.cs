using Autograder.Grader.Rubrics;
using Autograder.Worker.Protocol;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Autograder.Grader.Checks.Kinds;

/// <summary>
/// <c>script</c>: an instructor's C# expression or statements (<c>code</c>) evaluated on the host
/// with Roslyn scripting against <see cref="ScriptCheckGlobals"/>; it returns null (or "") to pass, or a
/// message for the student. The script is rubric code (trusted); student code only runs in the worker.
/// </summary>
internal sealed class ScriptCheck : ICheckKind
{
    public string Kind => "script";

    public int CaseCount(CheckSpec spec) => 1;

    public void RunCase(CheckContext c, int caseIndex)
    {
        var code = c.Spec.Code ?? throw new RubricError("script needs code");
        var options = ScriptOptions.Default.WithImports("System", "System.Linq", "System.Collections.Generic", "System.Text.Json")
            .WithReferences(typeof(System.Text.Json.JsonDocument).Assembly, typeof(Enumerable).Assembly);
        var globals = new ScriptCheckGlobals(c.Environment.Logs, c.Environment.Seed,
            (type, method, args) => Plain(c.Student(Call(type, method, args)).Value!),
            (type, method, args) => Plain(c.Reference(Call(type, method, args))));
        object? result;
        try
        {
            result = CSharpScript.EvaluateAsync<object?>(code, options, globals, typeof(ScriptCheckGlobals)).GetAwaiter().GetResult();
        }
        catch (CompilationErrorException ex)
        {
            throw new RubricError($"the script does not compile: {string.Join("; ", ex.Diagnostics.Take(3))}");
        }

        if (result is string { Length: > 0 } message)
        {
            throw new CheckFailure(message);
        }

        if (result is false)
        {
            throw new CheckFailure(c.Spec.Name ?? "the script check failed");
        }
    }

    private static WorkerRequest Call(string type, string method, object?[] args) =>
        new(0, "call", Type: type, Member: method, Args: args.Select(ToWire).ToList());

    private static WireValue ToWire(object? v) => v switch
    {
        null => new NullValue(),
        int i => new IntValue(i),
        long l => new IntValue(l),
        double d => new DoubleValue(d),
        bool b => new BoolValue(b),
        string s => new StringValue(s),
        double[] a => new DoublesValue(a),
        int[] a => new IntsValue(a),
        _ => throw new RubricError($"script: cannot pass a {v.GetType().Name}"),
    };

    private static object? Plain(WireValue v) => v switch
    {
        IntValue i => i.Value,
        DoubleValue d => d.Value,
        BoolValue b => b.Value,
        StringValue s => s.Value,
        TensorValue t => t.Values(),
        DoublesValue d => d.Values,
        IntsValue i => i.Values,
        _ => null,
    };
}
