namespace Autograder.Grader.Release.Fixtures;

/// <summary>Computes the fixture of one part's public check with the reference library.</summary>
public interface IFixtureSource
{
    /// <summary>The part id whose check reads this fixture.</summary>
    string Part { get; }

    /// <summary>Builds the fixture from a fixed seed (small sizes: kits stay small and tests fast).</summary>
    Fixture Create();
}
