using Autograder.Grader.Pipeline;

namespace Autograder.Cli;

/// <summary>
/// The proof every grading command runs first (<see cref="RubricProof"/>): a rubric that does not give the
/// reference full marks and the kit zero grades nobody. Remembered per rubric and library, so it costs once.
/// </summary>
internal static class RubricGate
{
    /// <summary>Null when the rubric proved itself; else the exit code after printing why (1: the proof failed, 2: the rubric could not be read).</summary>
    public static int? Refusal(GradeRequest template, string command, string? cacheFolder = null)
    {
        try
        {
            var proof = RubricProof.Run(template, cacheFolder);
            foreach (var note in proof.Notes)
            {
                Console.Error.WriteLine($"{command}: {note}");
            }

            if (proof.Ok)
            {
                if (!proof.Cached)
                {
                    Console.Error.WriteLine($"{command}: {proof.Describe()}");
                }

                return null;
            }

            Console.Error.WriteLine($"{command}: {proof.Describe()}");
            return 1;
        }
        catch (Exception e) when (e is Autograder.Grader.Rubrics.RubricException or Autograder.Grader.Assignments.AssignmentProfileException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{command}: {e.Message}");
            return 2;
        }
    }
}
