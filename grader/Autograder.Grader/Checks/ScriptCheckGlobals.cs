namespace Autograder.Grader.Checks;

/// <summary>
/// What an instructor's <c>script</c> check sees: the submitted logs, the seed, and calls into both
/// sides returning plain values (tensors as double[]). The script returns null to pass or a message to fail.
/// </summary>
public sealed class ScriptCheckGlobals
{
    internal ScriptCheckGlobals(IReadOnlyDictionary<string, string> logs, ulong seed, Func<string, string, object?[], object?> student, Func<string, string, object?[], object?> reference)
    {
        Logs = logs;
        Seed = seed;
        StudentCall = student;
        ReferenceCall = reference;
    }

    public IReadOnlyDictionary<string, string> Logs { get; }

    public ulong Seed { get; }

    /// <summary>Calls a static method (type full name, method name, args: int, double, bool, string, double[]) in the student build.</summary>
    public Func<string, string, object?[], object?> StudentCall { get; }

    /// <summary>The same call on the reference.</summary>
    public Func<string, string, object?[], object?> ReferenceCall { get; }
}
