using System.Diagnostics;
using Autograder.Grader.Execution;

namespace Autograder.Tests.Security;

/// <summary>
/// CPU time limits read the worker's process tree from /proc. The tree is walked once and kept for
/// <see cref="ProcessTreeCpu.RewalkAfter"/>; reads in between only read the kept processes' times.
/// </summary>
public sealed class ProcessTreeCpuTests
{
    [Fact]
    public void Seconds_BusyTree_GrowsAndIsReadFromTheKeptTreeUntilItIsWalkedAgain()
    {
        Assert.True(OperatingSystem.IsLinux(), "the grader's CPU limits read Linux's /proc");
        // A shell spinning in a child shell: the CPU time is the child's, found only by walking the tree.
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "sh -c 'while :; do :; done' & wait"]))!;
        try
        {
            using var cpu = new ProcessTreeCpu(process.Id);
            Thread.Sleep(300);
            var first = cpu.Seconds();
            Assert.NotNull(first);
            Assert.Equal(1, cpu.Walks);
            var clock = Stopwatch.StartNew();
            var reads = 0;
            var last = first.Value;
            while (clock.Elapsed < ProcessTreeCpu.RewalkAfter / 5)
            {
                var now = cpu.Seconds()!.Value;
                Assert.True(now >= last, $"CPU time went back from {last} to {now}");
                last = now;
                reads++;
            }

            Assert.True(reads > 10, $"only {reads} reads in {clock.Elapsed.TotalMilliseconds} ms");
            Assert.Equal(1, cpu.Walks);

            Thread.Sleep(ProcessTreeCpu.RewalkAfter + TimeSpan.FromMilliseconds(500));
            var later = cpu.Seconds()!.Value;
            Assert.Equal(2, cpu.Walks);
            // The spinning grandchild ran for about 0.6 s more; /proc counts in 1/100 s.
            Assert.True(later - first.Value >= 0.1, $"the spinning child's time was not counted: {first} then {later}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    [Fact]
    public void Seconds_KeptTree_ReadsFreshTimesFromTheOpenFiles()
    {
        Assert.True(OperatingSystem.IsLinux(), "the grader's CPU limits read Linux's /proc");
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "while :; do :; done"]))!;
        try
        {
            using var cpu = new ProcessTreeCpu(process.Id);
            Thread.Sleep(100);
            var first = cpu.Seconds()!.Value;
            var clock = Stopwatch.StartNew();
            var now = first;
            // Within the kept tree's lifetime the same open file is read again: its times must move on.
            while (now <= first && clock.Elapsed < ProcessTreeCpu.RewalkAfter * 0.8)
            {
                Thread.Sleep(20);
                now = cpu.Seconds()!.Value;
            }

            Assert.Equal(1, cpu.Walks);
            Assert.True(now > first, $"the kept stat file gave the same CPU time ({first} s) for {clock.Elapsed.TotalMilliseconds:0} ms of spinning");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    [Fact]
    public void Seconds_KeptProcessExitedAndReaped_IsNullNotItsLastTime()
    {
        Assert.True(OperatingSystem.IsLinux(), "the grader's CPU limits read Linux's /proc");
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "while :; do :; done"]))!;
        using var cpu = new ProcessTreeCpu(process.Id);
        Thread.Sleep(50);
        Assert.NotNull(cpu.Seconds());
        process.Kill();
        process.WaitForExit();
        // Read well within the kept tree's lifetime: the open file of a reaped process must not answer.
        Assert.Null(cpu.Seconds());
        Assert.Equal(2, cpu.Walks);
    }

    [Fact]
    public void Seconds_ProcessGone_IsNull()
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/true"))!;
        process.WaitForExit();
        var pid = process.Id;
        process.Dispose();
        using var cpu = new ProcessTreeCpu(pid);
        Assert.Null(cpu.Seconds());
    }
}
