using System.Reflection;
using Autograder.Worker.Engine;
using Autograder.Worker.Protocol;

namespace Autograder.Grader.Execution;

/// <summary>The trusted side: the worker's engine run in the host on the reference library, for expected values.</summary>
internal sealed class InProcessExecutor(Assembly library) : IExecutor
{
    private readonly ObjectEngine _engine = new(library);

    public string Sandbox => "trusted";

    public WorkerResponse Execute(WorkerRequest request, TimeSpan? timeout = null) => _engine.Execute(request);

    public void Dispose()
    {
    }
}
