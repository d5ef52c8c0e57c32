namespace Kit.Scoring;

/// <summary>
/// `score RESULTS.trx [--build-log FILE]`: prints the points table of a test run, and on GitHub Actions also
/// writes it to the job summary ($GITHUB_STEP_SUMMARY) and the classroom result to the step output
/// ($GITHUB_OUTPUT). When the run left no results because the kit did not compile, every check scores 0 and
/// the compiler's errors (from the build log) go into the table and the summary: a score, not a silent job.
/// </summary>
public static class ScoreCommand
{
    public static int Run(KitFolder kit, string trxPath, TextWriter log, string? buildLog = null) =>
        Run(kit, trxPath, log, Environment.GetEnvironmentVariable, buildLog);

    /// <param name="kit">the kit (its checks and points)</param>
    /// <param name="trxPath">the TRX file of `dotnet test --report-xunit-trx`</param>
    /// <param name="log">where the table goes</param>
    /// <param name="environment">reads GITHUB_STEP_SUMMARY and GITHUB_OUTPUT</param>
    /// <param name="buildLog">the output of `dotnet test`, read for compiler errors when there are no results</param>
    public static int Run(KitFolder kit, string trxPath, TextWriter log, Func<string, string?> environment, string? buildLog = null)
    {
        IReadOnlyList<TrxTest> tests;
        IReadOnlyList<CheckScore> scores;
        var errors = new List<string>();
        if (File.Exists(trxPath))
        {
            tests = TrxResults.Parse(File.ReadAllText(trxPath));
            scores = TrxResults.Score(kit.Checks, tests);
        }
        else
        {
            errors = CompilerErrors(buildLog);
            if (errors.Count == 0)
            {
                log.WriteLine($"score: no test results at {trxPath} and no compiler errors in {buildLog ?? "(no --build-log)"}; did `dotnet test --report-xunit-trx` run?");
                return 1;
            }

            tests = [];
            var why = $"the kit does not compile: {errors[0]}";
            scores = CheckScore.Rows(kit.Checks, _ => why);
        }

        log.WriteLine(ScoreTable.Text(scores));
        foreach (var error in errors)
        {
            log.WriteLine(error);
        }

        if (environment("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            var compile = errors.Count == 0 ? "" : "\n### Compiler errors\n\n```\n" + string.Join("\n", errors) + "\n```\n";
            File.AppendAllText(summary, ScoreTable.Markdown(scores, $"{kit.Title}: public checks") + compile + "\n");
        }

        if (environment("GITHUB_OUTPUT") is { Length: > 0 } output)
        {
            File.AppendAllText(output, $"result={ClassroomResult.Base64(ClassroomResult.Json(scores, tests))}\n");
        }

        return 0;
    }

    /// <summary>The distinct `error CS....` lines of a build log, at most 20, without the project suffix.</summary>
    public static List<string> CompilerErrors(string? buildLog) =>
        buildLog is null || !File.Exists(buildLog) ? []
        : File.ReadLines(buildLog)
            .Where(l => l.Contains(": error ", StringComparison.Ordinal))
            .Select(l => System.Text.RegularExpressions.Regex.Replace(l.Trim(), @"\s*\[[^\]]*\.csproj\]$", ""))
            .Distinct(StringComparer.Ordinal)
            .Take(20)
            .ToList();
}
