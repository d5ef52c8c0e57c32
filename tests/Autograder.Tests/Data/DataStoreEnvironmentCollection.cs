namespace Autograder.Tests.Data;

/// <summary>Tests that change process-wide environment variables run in this collection, never in parallel with others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DataStoreEnvironmentCollection
{
    public const string Name = "DataStore environment";
}
