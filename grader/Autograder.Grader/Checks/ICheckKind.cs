using Autograder.Grader.Rubrics;

namespace Autograder.Grader.Checks;

/// <summary>
/// One kind of check in the registry. <see cref="RunCase"/> runs a single case against both sides
/// and throws <see cref="CheckFailure"/> (wrong answer), <see cref="StudentFault"/> (the submission
/// threw) or a worker failure; returning normally means the case passed.
/// </summary>
internal interface ICheckKind
{
    string Kind { get; }

    /// <summary>How many cases this check runs for <paramref name="spec"/> (default: <see cref="CheckSpec.Cases"/>).</summary>
    int CaseCount(CheckSpec spec) => spec.Cases;

    void RunCase(CheckContext context, int caseIndex);
}
