namespace Autograder.Grader.Pipeline;

/// <summary>
/// What <see cref="RubricProof"/> found: each problem names the side (reference or kit), the item, the check and why.
/// </summary>
/// <param name="Assignment">the assignment id</param>
/// <param name="Problems">empty when the rubric proved itself</param>
/// <param name="Cached">true when an earlier proof of the same rubric and library was reused</param>
/// <param name="Seconds">time the proof took (near 0 when cached)</param>
/// <param name="Notes">items the proof could not run on the reference (a training log it has no copy of)</param>
public sealed record RubricProofResult(string Assignment, IReadOnlyList<string> Problems, bool Cached, double Seconds, IReadOnlyList<string> Notes)
{
    public bool Ok => Problems.Count == 0;

    /// <summary>One error text for the command line: every problem on its own line.</summary>
    public string Describe() =>
        Ok ? $"rubric {Assignment}: proved (reference full marks, kit zero){(Cached ? ", cached" : $" in {Seconds:0.0} s")}"
           : $"the rubric of {Assignment} failed its proof (the reference must get full marks and the kit zero), so it grades nobody:\n  " + string.Join("\n  ", Problems);
}
