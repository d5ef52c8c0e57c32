namespace Autograder.Grader.Release.Fixtures;

/// <summary>A fixture source given by a function of its seed.</summary>
/// <param name="Part">the part id</param>
/// <param name="Seed">the fixed seed of the inputs</param>
/// <param name="Compute">builds the fixture with the reference library</param>
public sealed record FixtureSource(string Part, ulong Seed, Func<string, ulong, Fixture> Compute) : IFixtureSource
{
    public Fixture Create() => Compute(Part, Seed);
}
