using System.Diagnostics;
using Autograder.Grader.Results;

namespace Autograder.Tests.Security;

/// <summary>
/// A worker that writes one endless line to its standard error (a native <c>write(2, ...)</c>, past the worker's own
/// console capture; policy off), 512 MiB of it: the grader keeps only the first 16 KB of it, so its memory stays flat, and the check
/// ends as the worker's fault.
/// </summary>
[Trait("Category", "Slow")]
public sealed class StderrFloodTests
{
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public StderrFloodTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    [Fact]
    public void EndlessStderrLine_IsCappedOnTheHost()
    {
        using var scratch = new Autograder.Tests.Data.TempDirectory();
        using var self = Process.GetCurrentProcess();
        GC.Collect();
        self.Refresh();
        var before = self.WorkingSet64;
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = new Thread(() =>
        {
            using var me = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                me.Refresh();
                peak = Math.Max(peak, me.WorkingSet64);
                Thread.Sleep(20);
            }
        }) { IsBackground = true };
        sampler.Start();
        GradeResult result;
        try
        {
            result = GeneratedSubmissions.GradeWithPolicyOff(scratch.Path, "Layers/Relu.cs", Flood);
        }
        finally
        {
            sampling.Cancel();
            sampler.Join();
        }

        var forward = result.Items.Single(i => i.Id == "3.1.2").Checks.Single(c => c.Name.StartsWith("forward", StringComparison.Ordinal));
        Assert.NotEqual(CheckStatus.Passed, forward.Status);
        Assert.Null(result.GraderError);
        // Before the cap, a 1 GiB line grew the grader by 3,409 MiB (the runtime's line reader holds a line whole, as UTF-16);
        // 512 MiB would be about 1.7 GB. With it, the growth is the grading's own.
        _output.WriteLine($"working set growth: {(peak - before) >> 20} MiB; forward check: {forward.Status}: {forward.Outcome.Message}");
        Assert.True(peak - before < 600L << 20, $"the grader's working set grew by {(peak - before) >> 20} MiB while the worker flooded its standard error");
    }

    /// <summary>PassesAll's ReLU with the flood at the start of Forward.</summary>
    private static string Flood(string relu)
    {
        const string anchor = "ArgumentNullException.ThrowIfNull(x);";
        var at = relu.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(at >= 0);
        return relu[..at] + "StderrFlood.Run();\n        " + relu[at..] + Source;
    }

    private const string Source = """

        internal static class StderrFlood
        {
            [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] private static extern long write(int fd, byte[] buffer, long count);

            public static void Run()
            {
                var chunk = new byte[1 << 20];
                System.Array.Fill(chunk, (byte)'E');
                for (long sent = 0; sent < (1L << 29);)
                {
                    var n = write(2, chunk, chunk.Length);
                    if (n <= 0)
                    {
                        break;
                    }

                    sent += n;
                }

                throw new System.InvalidOperationException("flooded");
            }
        }
        """;
}
