namespace Autograder.Grader.Release;

/// <summary>Fixed paths inside every kit.</summary>
public static class KitLayout
{
    /// <summary>The course library, with the assigned regions stubbed.</summary>
    public const string Library = "NeuralNet";

    /// <summary>The public tests project.</summary>
    public const string Tests = "tests/PublicTests";

    /// <summary>The kit's own programs (Kit, Run) and the assignment's provided programs.</summary>
    public const string Tools = "tools";

    /// <summary>Where the kit's run tool writes full training logs; <c>--quick</c> runs go to <c>runs/quick/</c> and never replace them.</summary>
    public const string Runs = "runs";

    /// <summary>The namespace of the generated check classes.</summary>
    public const string ChecksNamespace = "PublicTests.Checks";

    /// <summary>The test class of a part's check: <c>model.backward_pass</c> gives <c>ModelBackwardPassTests</c>.</summary>
    public static string CheckClass(string part) =>
        string.Concat(part.Split('.', '_').Where(s => s.Length > 0).Select(s => char.ToUpperInvariant(s[0]) + s[1..])) + "Tests";
}
