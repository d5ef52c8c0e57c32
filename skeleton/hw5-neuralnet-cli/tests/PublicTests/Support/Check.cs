using Xunit.Sdk;

namespace PublicTests.Support;

/// <summary>Runs the body of a public check and turns a stub's NotImplementedException into a short message.</summary>
public static class Check
{
    /// <summary>Runs <paramref name="body"/>; a part left as <c>throw new NotImplementedException("TODO(...)")</c> fails with "not implemented yet: TODO(...)".</summary>
    /// <param name="body">the check</param>
    public static void Run(Action body)
    {
        try
        {
            body();
        }
        catch (NotImplementedException e) when (e.Message.StartsWith("TODO(", StringComparison.Ordinal))
        {
            throw new PublicCheckException($"not implemented yet: {e.Message}");
        }
    }
}
