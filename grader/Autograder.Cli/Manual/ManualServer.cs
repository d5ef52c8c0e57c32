using System.Security.Cryptography;
using Autograder.Grader.Batch;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Autograder.Cli.Manual;

/// <summary>
/// The manual-grading page of <c>autograder manual</c>: a web server on 127.0.0.1 at a random port, answering only
/// requests that carry the one-time token printed with its address. It walks the batch's manual items student by
/// student, shows what each student handed in (images, training logs drawn as curves, written answers), and
/// saves every score as it is entered to <c>manual-grades.csv</c> (atomically), then rebuilds the gradebook,
/// summary and feedback files.
/// </summary>
internal sealed class ManualServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ManualSession _session;

    private ManualServer(WebApplication app, ManualSession session, string token)
    {
        _app = app;
        _session = session;
        Token = token;
    }

    public string Token { get; }

    /// <summary>The page's address with its token, e.g. <c>http://127.0.0.1:41234/?token=...</c>.</summary>
    public string Url => $"{_app.Urls.First()}/?token={Token}";

    public static async Task<ManualServer> StartAsync(ManualSession session)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            var given = context.Request.Query["token"].FirstOrDefault() ?? context.Request.Headers["X-Token"].FirstOrDefault() ?? "";
            if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(given), System.Text.Encoding.ASCII.GetBytes(token)))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("forbidden: open the address autograder printed (it carries the token)");
                return;
            }

            context.Response.Headers["Cache-Control"] = "no-store";
            context.Response.Headers["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'";
            await next();
        });
        app.MapGet("/", () => Results.Content(ManualPage.Html, "text/html; charset=utf-8"));
        app.MapGet("/api/state", () => Results.Json(session.State()));
        app.MapGet("/api/artifacts", (string student) => Results.Json(session.Artifacts(student)));
        app.MapGet("/api/artifact", (string student, string name) =>
            session.Artifact(student, name) is { } a ? Results.Bytes(a.Bytes, a.ContentType) : Results.NotFound());
        app.MapPost("/api/grade", (GradeRequestBody body) =>
        {
            try
            {
                return Results.Json(session.Grade(body.Student, body.Item, body.Points, body.Comment ?? ""));
            }
            catch (InvalidDataException e)
            {
                return Results.BadRequest(new { error = e.Message });
            }
        });
        await app.StartAsync();
        return new ManualServer(app, session, token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The body of a grade: points null clears the grade (back to pending).</summary>
    internal sealed record GradeRequestBody(string Student, string Item, double? Points, string? Comment);
}
