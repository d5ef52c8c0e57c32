using Autograder.Grader.Checks;
using Autograder.Grader.Execution;
using Autograder.Grader.Written.Wire;
using Autograder.Worker.Protocol;

namespace Autograder.Grader.Written.Integration;

/// <summary>
/// Sends a batch of answers to the student's worker process as its <c>written</c> request (the JSON
/// payload as the one string argument). A worker timeout, crash or error becomes a
/// <see cref="WrittenEvaluatorException"/>, so the batch's questions get that status and the rest still grade.
/// </summary>
internal sealed class WorkerWrittenEvaluator(CheckContext context) : IWrittenEvaluator
{
    public WrittenResponse Evaluate(WrittenRequest request)
    {
        WorkerResponse response;
        try
        {
            response = context.Student(new WorkerRequest(0, WrittenWire.Op, Args: [new StringValue(WrittenWire.Serialize(request))]));
        }
        catch (WorkerFailure ex)
        {
            throw new WrittenEvaluatorException(ex.Message, ex.Status == Results.CheckStatus.Timeout);
        }
        catch (StudentFault ex)
        {
            throw new WrittenEvaluatorException($"the worker failed: {ex.Message}", timedOut: false);
        }

        return response.Value is StringValue { Value: var json }
            ? WrittenWire.DeserializeResponse(json)
            : throw new WrittenEvaluatorException("the worker answered the written request without a result", timedOut: false);
    }
}
