namespace Autograder.Grader.Release.Fixtures;

/// <summary>The fixture source of every part that has one.</summary>
public static class FixtureSources
{
    public static IReadOnlyList<IFixtureSource> All { get; } =
        [.. LayerFixtures.All(), .. OptimizerFixtures.All(), .. ModelFixtures.All(), .. ConvFixtures.All(), .. Hw5Fixtures.All(), .. A1Fixtures.All(), .. TransformerFixtures.All()];
}
