namespace NeuralNet.Data;

/// <summary>
/// Finds and loads the data sets shipped in the repository's <c>data/</c> folder, checking every file
/// against <c>data/checksums.sha256</c> before reading it.
/// </summary>
/// <example>
/// <code>
/// DataSplits fashion = DataStore.Load("fashion-mnist");
/// Tensor x = fashion.Train.X;          // (10000, 784), values in [0, 1]
/// int[] y = fashion.Train.Labels;      // (10000), values 0..9
/// </code>
/// </example>
public static class DataStore
{
    /// <summary>Environment variable that may name the data folder (used when no folder is passed).</summary>
    public const string EnvironmentVariable = "AUTOGRADER_DATA";

    /// <summary>The shipped data sets: "fashion-mnist" (10,000 / 2,000 / 10,000) and "mnist" (8,000 / 1,000 / 1,000).</summary>
    public static IReadOnlyList<string> Names { get; } = ["fashion-mnist", "mnist"];

    /// <summary>Loads the train, validation and test splits of a shipped data set.</summary>
    /// <param name="name">"fashion-mnist" or "mnist"</param>
    /// <param name="dataDirectory">the data folder; null to search (see <see cref="FindDataDirectory"/>)</param>
    /// <returns>three splits, each with X of shape (N, 784) in [0, 1] and N labels 0..9</returns>
    /// <exception cref="ArgumentException">unknown data set name</exception>
    /// <exception cref="InvalidDataException">a file fails its checksum or is damaged</exception>
    public static DataSplits Load(string name, string? dataDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Names.Contains(name))
        {
            throw new ArgumentException($"DataStore.Load: unknown data set '{name}'; expected one of {string.Join(", ", Names)}", nameof(name));
        }

        var manifest = ChecksumManifest.Load(FindDataDirectory(dataDirectory));
        return new DataSplits(LoadSplit(manifest, name, "train"), LoadSplit(manifest, name, "val"), LoadSplit(manifest, name, "test"));
    }

    /// <summary>
    /// Full path of a shipped file after checking its checksum, e.g. <c>GetFile("hw5/smallTrain.csv")</c>.
    /// </summary>
    /// <param name="relativePath">path inside the data folder, with forward slashes, as listed in checksums.sha256</param>
    /// <param name="dataDirectory">the data folder; null to search</param>
    public static string GetFile(string relativePath, string? dataDirectory = null) =>
        ChecksumManifest.Load(FindDataDirectory(dataDirectory)).Verify(relativePath);

    /// <summary>
    /// The data folder: <paramref name="dataDirectory"/> if given, else the folder named by the
    /// AUTOGRADER_DATA environment variable, else the first <c>data/</c> folder holding checksums.sha256
    /// found walking up from the current directory, then from the program's own folder.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">no such folder; the message lists where it looked</exception>
    public static string FindDataDirectory(string? dataDirectory = null)
    {
        if (dataDirectory is not null)
        {
            return RequireManifest(dataDirectory, "the folder passed in");
        }

        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return RequireManifest(fromEnvironment, $"the {EnvironmentVariable} environment variable");
        }

        var searched = new List<string>();
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "data");
                if (File.Exists(Path.Combine(candidate, ChecksumManifest.FileName)))
                {
                    return candidate;
                }
            }

            searched.Add(start);
        }

        throw new DirectoryNotFoundException(
            $"No data/{ChecksumManifest.FileName} found in {string.Join(" or ", searched)} or any folder above them. " +
            $"Run from inside the repository, set {EnvironmentVariable} to the data folder, or pass the folder explicitly.");
    }

    private static string RequireManifest(string directory, string source)
    {
        if (!File.Exists(Path.Combine(directory, ChecksumManifest.FileName)))
        {
            throw new DirectoryNotFoundException($"{directory} (from {source}) has no {ChecksumManifest.FileName}; is it the data folder?");
        }

        return directory;
    }

    private static Dataset LoadSplit(ChecksumManifest manifest, string name, string split)
    {
        string images = manifest.Verify($"{name}/{split}-images-idx3-ubyte.gz");
        string labels = manifest.Verify($"{name}/{split}-labels-idx1-ubyte.gz");
        return IdxReader.ReadDataset(images, labels);
    }
}
