using System.Collections.Concurrent;
using NeuralNet.Data;

namespace Autograder.Grader.Checks;

/// <summary>The course's data sets as the host loads them (checksummed, once per folder and process); the worker gets only what a check sends it.</summary>
internal static class CourseData
{
    private static readonly ConcurrentDictionary<string, DataSplits> Loaded = new(StringComparer.Ordinal);

    /// <summary>The splits of <paramref name="dataset"/> under &lt;course&gt;/data.</summary>
    /// <param name="courseRoot">the course folder</param>
    /// <param name="dataset">a data set id of <see cref="DataStore"/>, e.g. <c>mnist</c></param>
    public static DataSplits Load(string courseRoot, string dataset)
    {
        var directory = Path.Combine(courseRoot, "data");
        return Loaded.GetOrAdd($"{directory}|{dataset}", _ => DataStore.Load(dataset, directory));
    }
}
