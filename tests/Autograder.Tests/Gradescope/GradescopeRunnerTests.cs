using System.Text.Json.Nodes;
using Autograder.Grader.Gradescope;
using Autograder.Grader.Rubrics;
using Autograder.Tests.Batch;
using Autograder.Tests.Grader;

namespace Autograder.Tests.Gradescope;

public sealed class GradescopeRunnerTests
{
    /// <summary>Gradescope's documented sample, with a due date one day before created_at.</summary>
    private const string Metadata = """
        {
          "id": 123456,
          "created_at": "2026-03-02T14:22:32.365935-07:00",
          "assignment": {
            "due_date": "2026-03-01T23:00:00.000000-07:00",
            "group_size": 1,
            "group_submission": false,
            "id": 25828,
            "course_id": 6574,
            "late_due_date": "2026-03-03T23:00:00.000000-07:00",
            "release_date": "2026-02-20T00:00:00.000000-07:00",
            "title": "Fake course",
            "total_points": "14.0"
          },
          "submission_method": "upload",
          "users": [{"email": "student@example.com", "id": 1234, "name": "Student User"}],
          "previous_submissions": []
        }
        """;

    [Fact]
    public void Metadata_DocumentedSample_GivesSubmissionAndDueDates()
    {
        var metadata = SubmissionMetadata.Parse(Metadata);

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 21, 22, 32, 365, TimeSpan.Zero).AddTicks(9350), metadata.CreatedAt!.Value.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero), metadata.DueDate!.Value.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 6, 0, 0, TimeSpan.Zero), metadata.LateDueDate!.Value.ToUniversalTime());
    }

    [Fact]
    public void Metadata_StudentExtension_WinsOverTheAssignmentDueDate()
    {
        var json = JsonNode.Parse(Metadata)!;
        json["users"]![0]!["assignment"] = new JsonObject { ["due_date"] = "2026-03-05T23:00:00-07:00" };

        var metadata = SubmissionMetadata.Parse(json.ToJsonString());

        Assert.Equal(new DateTimeOffset(2026, 3, 6, 6, 0, 0, TimeSpan.Zero), metadata.DueDate!.Value.ToUniversalTime());
    }

    [Fact]
    public void Run_EmulatedAutograderRoot_WritesSchemaValidResultsWithTheLatePenalty()
    {
        var root = Directory.CreateTempSubdirectory("gradescope-root-").FullName;
        Directory.Move(FakeCourse.Submission(), Path.Combine(root, "submission"));
        File.WriteAllText(Path.Combine(root, SubmissionMetadata.FileName), Metadata);
        var template = BatchClass.Template;
        var late = template with { Rubric = template.Rubric! with { LatePenalty = new LatePolicy { PerDay = 0.1, Max = 0.5 } } };

        var result = GradescopeRunner.Run(root, late);

        var json = File.ReadAllText(GradescopeRunner.ResultsPath(root));
        Assert.Empty(GradescopeSchema.Errors(json));
        Assert.Equal(0.1, result.LatePenalty);   // 15 h 22 min late: one started day
        var written = JsonNode.Parse(json)!;
        Assert.Equal(12.6, written["score"]!.GetValue<double>());
        Assert.Equal(4, written["tests"]!.AsArray().Count);
        Assert.All(written["tests"]!.AsArray(), t => Assert.Equal("passed", t!["status"]!.GetValue<string>()));
    }

    [Fact]
    public void Run_NoSubmissionFolder_StillWritesAResultThatSaysSo()
    {
        var root = Directory.CreateTempSubdirectory("gradescope-root-").FullName;

        GradescopeRunner.Run(root, BatchClass.Template with { Rubric = null, RubricPath = Path.Combine(root, "missing.rubric.yaml") });

        var json = File.ReadAllText(GradescopeRunner.ResultsPath(root));
        Assert.Empty(GradescopeSchema.Errors(json));
        Assert.Contains("The grader failed", JsonNode.Parse(json)!["output"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
