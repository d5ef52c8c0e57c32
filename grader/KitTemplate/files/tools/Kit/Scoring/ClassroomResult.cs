using System.Text;
using System.Text.Json;

namespace Kit.Scoring;

/// <summary>
/// The GitHub Classroom autograding result: base64 of
/// <c>{ "version": 1, "status", "max_score", "tests": [{ "name", "status", "score", "message", ... }] }</c>,
/// which the classroom grading reporter reads from a step output.
/// </summary>
public static class ClassroomResult
{
    public static string Json(IReadOnlyList<CheckScore> scores, IReadOnlyList<TrxTest> tests)
    {
        var result = new
        {
            version = 1,
            // Bonus parts are extra credit: they neither fail the run nor count in its maximum.
            status = scores.Count == 0 ? "error" : tests.Count > 0 && scores.Where(s => !s.Bonus).All(s => s.Status == "passed") ? "pass" : "fail",
            max_score = scores.Where(s => !s.Bonus).Sum(s => s.Max),
            tests = scores.Select(s => new
            {
                name = $"{s.Item} {s.Part}",
                status = s.Status == "passed" ? "pass" : "fail",
                score = s.Earned,
                message = s.Status,
                test_code = $"dotnet test --filter FullyQualifiedName~{s.TestClass}",
                filename = "",
                line_no = 0,
                execution_time = "",
            }),
        };
        return JsonSerializer.Serialize(result);
    }

    public static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}
