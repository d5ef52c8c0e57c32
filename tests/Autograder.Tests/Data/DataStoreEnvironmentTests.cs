using NeuralNet.Data;

namespace Autograder.Tests.Data;

/// <summary>Tests that set AUTOGRADER_DATA; they run alone so no other test sees the variable.</summary>
[Collection(DataStoreEnvironmentCollection.Name)]
public sealed class DataStoreEnvironmentTests
{
    [Fact]
    public void FindDataDirectory_EnvironmentVariable_TakesPrecedenceOverTheSearch()
    {
        using var dir = new TempDirectory();
        dir.Write(ChecksumManifest.FileName, "");
        string? before = Environment.GetEnvironmentVariable(DataStore.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(DataStore.EnvironmentVariable, dir.Path);

            Assert.Equal(dir.Path, DataStore.FindDataDirectory());
            using var explicitDir = new TempDirectory();
            explicitDir.Write(ChecksumManifest.FileName, "");
            Assert.Equal(explicitDir.Path, DataStore.FindDataDirectory(explicitDir.Path));
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataStore.EnvironmentVariable, before);
        }
    }

    [Fact]
    public void FindDataDirectory_EnvironmentVariableWithoutManifest_NamesTheVariable()
    {
        using var dir = new TempDirectory();
        string? before = Environment.GetEnvironmentVariable(DataStore.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(DataStore.EnvironmentVariable, dir.Path);

            var e = Assert.Throws<DirectoryNotFoundException>(() => DataStore.FindDataDirectory());

            Assert.Contains($"(from the {DataStore.EnvironmentVariable} environment variable)", e.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataStore.EnvironmentVariable, before);
        }
    }
}
