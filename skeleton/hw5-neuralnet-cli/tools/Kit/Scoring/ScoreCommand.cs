namespace Kit.Scoring;

/// <summary>
/// `score RESULTS.trx`: prints the points table of a test run, and on GitHub Actions also writes it
/// to the job summary ($GITHUB_STEP_SUMMARY) and the classroom result to the step output ($GITHUB_OUTPUT).
/// </summary>
public static class ScoreCommand
{
    public static int Run(KitFolder kit, string trxPath, TextWriter log) =>
        Run(kit, trxPath, log, Environment.GetEnvironmentVariable);

    /// <param name="kit">the kit (its checks and points)</param>
    /// <param name="trxPath">the TRX file of `dotnet test --logger trx`</param>
    /// <param name="log">where the table goes</param>
    /// <param name="environment">reads GITHUB_STEP_SUMMARY and GITHUB_OUTPUT</param>
    public static int Run(KitFolder kit, string trxPath, TextWriter log, Func<string, string?> environment)
    {
        if (!File.Exists(trxPath))
        {
            log.WriteLine($"score: no test results at {trxPath}; did `dotnet test --logger trx` run?");
            return 1;
        }

        var tests = TrxResults.Parse(File.ReadAllText(trxPath));
        var scores = TrxResults.Score(kit.Checks, tests);
        log.WriteLine(ScoreTable.Text(scores));

        if (environment("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            File.AppendAllText(summary, ScoreTable.Markdown(scores, $"{kit.Title}: public checks") + "\n");
        }

        if (environment("GITHUB_OUTPUT") is { Length: > 0 } output)
        {
            File.AppendAllText(output, $"result={ClassroomResult.Base64(ClassroomResult.Json(scores, tests))}\n");
        }

        return 0;
    }
}
