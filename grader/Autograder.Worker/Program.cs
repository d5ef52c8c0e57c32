using Autograder.Worker.Engine;
using Autograder.Worker.Protocol;

namespace Autograder.Worker;

/// <summary>
/// The worker: reads one JSON request per line on stdin (its large byte arrays as raw attachments before it:
/// <see cref="RequestReader"/>), answers one JSON response per line on the original stdout. Console is redirected
/// before any student code is loaded, so whatever the submission prints is captured and reported, never mixed into
/// the protocol.
/// </summary>
internal static class Program
{
    private const int OutputLimit = 64 * 1024;

    private static int Main()
    {
        var input = new RequestReader(Console.OpenStandardInput());
        using var output = Console.OpenStandardOutput();
        var captured = new BoundedWriter(OutputLimit);
        Console.SetOut(captured);
        Console.SetError(captured);
        Console.SetIn(TextReader.Null);

        var engine = new ObjectEngine(LibraryLoadContext.LoadLibrary);
        while (input.Read() is { } next)
        {
            var (line, attachments) = next;
            WorkerResponse response;
            try
            {
                var request = WireJson.Deserialize<WorkerRequest>(line, attachments);
                response = request.Op == Written.WrittenRequestHandler.Op ? Written.WrittenRequestHandler.Execute(request) : engine.Execute(request);
            }
            catch (Exception ex)
            {
                response = new WorkerResponse(-1, false, Error: new WireError(ex.GetType().FullName ?? "?", $"bad request: {ex.Message}"));
            }

            WireJson.WriteAnswerLine(output, response with { Output = captured.Drain() });
        }

        return 0;
    }
}
