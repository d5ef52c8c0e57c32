namespace Autograder.Grader.Written.Wire;

/// <summary>
/// Where compiled answers run: the worker process in grading (the <c>written</c> request), the
/// worker's evaluator in-process in tests. Throws <see cref="WrittenEvaluatorException"/> when the
/// worker timed out or died; the questions of that batch are then reported with its status.
/// </summary>
public interface IWrittenEvaluator
{
    WrittenResponse Evaluate(WrittenRequest request);
}
