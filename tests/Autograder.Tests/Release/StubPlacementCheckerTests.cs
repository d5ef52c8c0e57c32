using Autograder.Grader.Release;

namespace Autograder.Tests.Release;

public sealed class StubPlacementCheckerTests
{
    private static void Release(string source, params string[] assigned)
    {
        var regions = SolutionMarkerScanner.Scan(source, "F.cs");
        var set = assigned.ToHashSet();
        var kit = RegionReplacer.Apply(source, regions, set);
        StubPlacementChecker.Check(source, kit, regions.Where(r => set.Contains(r.Part)).ToList());
    }

    [Fact]
    public void Check_RegionInMethodBody_Passes()
    {
        const string source = """
            class C
            {
                int F(int x)
                {
                    var y = x + 1;
                    // TASK(c.f): double y
                    // BEGIN SOLUTION c.f
                    y *= 2;
                    // END SOLUTION
                    return y;
                }
            }
            """;

        var error = Record.Exception(() => Release(source, "c.f"));

        Assert.Null(error);
    }

    [Fact]
    public void Check_RegionInFieldInitialiser_AsksToMoveIntoMethod()
    {
        const string source = """
            class C
            {
                private readonly int[] sizes =
                    // TASK(c.sizes): the layer sizes
                    // BEGIN SOLUTION c.sizes
                    [784, 128, 10];
                    // END SOLUTION
            }
            """;

        var error = Assert.Throws<MarkerException>(() => Release(source, "c.sizes"));

        Assert.Equal(5, error.Line);
        Assert.Contains("move the region into a method body", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RegionInsideExpression_AsksToMoveIntoMethod()
    {
        const string source = """
            class C
            {
                int F(int x)
                {
                    return x +
                        // TASK(c.f): the offset
                        // BEGIN SOLUTION c.f
                        1
                        // END SOLUTION
                        ;
                }
            }
            """;

        var error = Assert.Throws<MarkerException>(() => Release(source, "c.f"));

        Assert.Equal(7, error.Line);
        Assert.Contains("move the region into a method body", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LocalDeclaredInRegionUsedAfter_IsAnError()
    {
        const string source = """
            class C
            {
                int F(int x)
                {
                    // TASK(c.f): compute y
                    // BEGIN SOLUTION c.f
                    var y = x * 2;
                    // END SOLUTION
                    return y;
                }
            }
            """;

        var error = Assert.Throws<MarkerException>(() => Release(source, "c.f"));

        Assert.Equal(6, error.Line);
        Assert.Contains("'y' is declared inside region c.f but used after it (line 9)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RegionSpanningTwoMethods_IsAnError()
    {
        const string source = """
            class C
            {
                int F(int x)
                {
                    // TASK(c.f): f
                    // BEGIN SOLUTION c.f
                    return x;
                }

                int G(int x)
                {
                    return x;
                    // END SOLUTION
                }
            }
            """;

        var error = Assert.Throws<MarkerException>(() => Release(source, "c.f"));

        Assert.Equal(6, error.Line);
        Assert.Contains("are in different blocks", error.Message, StringComparison.Ordinal);
    }
}
