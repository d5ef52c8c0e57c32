using System.Text.Json;
using System.Text.Json.Nodes;
using Autograder.Grader.Results;

namespace Autograder.Grader.Reports;

/// <summary>The result as JSON following rubrics/schemas/result.schema.json.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(GradeResult r, bool includeTimings = true)
    {
        var root = new JsonObject
        {
            ["schema_version"] = 1,
            ["assignment"] = r.Assignment,
            ["submission"] = r.Submission,
            ["seed"] = r.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["content_hash"] = r.ContentHash,
            ["score"] = r.Score,
            ["max_score"] = r.MaxScore,
            ["late_penalty"] = r.LatePenalty,
            ["sandbox"] = r.Sandbox,
            ["grader_version"] = r.GraderVersion,
            ["grader_error"] = r.GraderError,
            ["messages"] = new JsonArray([.. r.Messages.Select(m => (JsonNode?)JsonValue.Create(m))]),
            ["items"] = new JsonArray([.. r.Items.Select(i => (JsonNode?)Item(i, includeTimings))]),
        };
        if (r.BonusMaxScore > 0)
        {
            root["bonus_max_score"] = r.BonusMaxScore;
        }

        if (includeTimings)
        {
            root["execution_seconds"] = Math.Round(r.ExecutionSeconds, 3);
        }

        return root.ToJsonString(Indented);
    }

    private static JsonObject Item(ItemResult i, bool includeTimings)
    {
        var node = new JsonObject
        {
            ["id"] = i.Id,
            ["title"] = i.Title,
            ["points"] = i.Points,
            ["max_points"] = i.MaxPoints,
            ["status"] = Names.Of(i.Status),
            ["visibility"] = Names.Of(i.Visibility),
            ["notes"] = new JsonArray([.. i.Notes.Select(n => (JsonNode?)JsonValue.Create(n))]),
            ["checks"] = new JsonArray([.. i.Checks.Select(c => (JsonNode?)Check(c, includeTimings))]),
        };
        if (i.Bonus)
        {
            node["bonus"] = true;
        }

        return node;
    }

    private static JsonObject Check(CheckResult c, bool includeTimings)
    {
        var node = new JsonObject
        {
            ["name"] = c.Name,
            ["kind"] = c.Kind,
            ["status"] = Names.Of(c.Status),
            ["cases_passed"] = c.CasesPassed,
            ["cases_total"] = c.CasesTotal,
            ["message"] = c.Outcome.Message,
            ["output"] = c.Output,
        };
        if (includeTimings)
        {
            node["duration_ms"] = Math.Round(c.DurationMs, 1);
        }

        return node;
    }
}
