using Autograder.Worker.Protocol;

namespace Autograder.Worker.Written;

/// <summary>
/// The worker's <c>written</c> op: <c>Args[0]</c> is a JSON <see cref="WrittenRequest"/>, the
/// response's value a JSON <see cref="WrittenResponse"/>. It needs no loaded library, so the host
/// may send it before or after <c>load</c>.
/// </summary>
internal static class WrittenRequestHandler
{
    public const string Op = WrittenWire.Op;

    public static WorkerResponse Execute(WorkerRequest request)
    {
        try
        {
            var payload = request.Args is [StringValue { Value: var json }] ? json : throw new ArgumentException("written: expected one string argument holding the request JSON");
            return new WorkerResponse(request.Id, true, new StringValue(WrittenEvaluator.Handle(payload)));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new WorkerResponse(request.Id, false, Error: new WireError(ex.GetType().FullName ?? ex.GetType().Name, ex.Message, ex.StackTrace));
        }
    }
}
