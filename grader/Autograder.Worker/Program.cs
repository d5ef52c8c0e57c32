using System.Text;
using Autograder.Worker.Engine;
using Autograder.Worker.Protocol;

namespace Autograder.Worker;

/// <summary>
/// The worker: reads one JSON request per line on stdin, answers one JSON response per line on the
/// original stdout. Console is redirected before any student code is loaded, so whatever the
/// submission prints is captured and reported, never mixed into the protocol.
/// </summary>
internal static class Program
{
    private const int OutputLimit = 64 * 1024;

    private static int Main()
    {
        using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
        var captured = new BoundedWriter(OutputLimit);
        Console.SetOut(captured);
        Console.SetError(captured);
        Console.SetIn(TextReader.Null);

        var engine = new ObjectEngine(LibraryLoadContext.LoadLibrary);
        while (input.ReadLine() is { } line)
        {
            WorkerResponse response;
            try
            {
                var request = WireJson.Deserialize<WorkerRequest>(line);
                response = request.Op == Written.WrittenRequestHandler.Op ? Written.WrittenRequestHandler.Execute(request) : engine.Execute(request);
            }
            catch (Exception ex)
            {
                response = new WorkerResponse(-1, false, Error: new WireError(ex.GetType().FullName ?? "?", $"bad request: {ex.Message}"));
            }

            output.WriteLine(WireJson.Serialize(response with { Output = captured.Drain() }));
        }

        return 0;
    }
}
