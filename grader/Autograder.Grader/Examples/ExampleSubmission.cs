using System.Text.Json;
using Autograder.Grader.Assignments;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Autograder.Grader.Examples;

/// <summary>
/// The course's own example submissions (tests/Golden/&lt;id&gt;/&lt;case&gt;, tests/Adversarial, tests/Overlays) are stored as
/// overlays: a case folder holds only the files that differ from the reference, its <c>expected.json</c>, and the logs it
/// does not share with the assignment's PassesAll example. <see cref="Materialise"/> builds the full submission: each
/// assignment file from the case, else the pristine reference copy (the kit's, for a case marked <c>"kit": true</c>); the PassesAll logs the case does not replace; every
/// other file of the case. A file the student did not submit is named in the case's <c>expected.json</c> under
/// <c>"absent"</c> and is left out. Renaming a comment in the reference then changes no case folder.
/// </summary>
public static class ExampleSubmission
{
    /// <summary>The case file holding the expected result and the <c>"absent"</c> list.</summary>
    public const string Manifest = "expected.json";

    /// <summary>The example every other case takes its logs from.</summary>
    public const string PassesAll = "PassesAll";

    /// <summary>Writes the full submission of <paramref name="caseFolder"/> into <paramref name="target"/> (created; must not exist or be empty).</summary>
    /// <param name="courseRoot">the course folder</param>
    /// <param name="profile">the assignment</param>
    /// <param name="caseFolder">the overlay folder</param>
    /// <param name="target">where the submission is written, e.g. a temporary folder named like the case</param>
    /// <returns><paramref name="target"/></returns>
    public static string Materialise(string courseRoot, AssignmentProfile profile, string caseFolder, string target)
    {
        Directory.CreateDirectory(target);
        var (kit, absent, _) = ReadManifest(caseFolder);
        var library = BaseLibrary(courseRoot, profile, kit);
        foreach (var file in profile.Files.Where(f => !absent.Contains(f) && !File.Exists(Path.Combine(caseFolder, f))))
        {
            Copy(Path.Combine(library, file), Path.Combine(target, file));
        }

        foreach (var log in Logs(courseRoot, profile.Id).Where(l => !absent.Contains(Path.GetFileName(l)) && !File.Exists(Path.Combine(caseFolder, Path.GetFileName(l)))))
        {
            Copy(log, Path.Combine(target, Path.GetFileName(log)));
        }

        foreach (var file in Directory.EnumerateFiles(caseFolder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(caseFolder, file);
            if (relative != Manifest)
            {
                Copy(file, Path.Combine(target, relative));
            }
        }

        return target;
    }

    /// <summary>The folder the case's missing assignment files come from: reference/NeuralNet, or the released kit's library for a case marked <c>"kit": true</c>.</summary>
    public static string BaseLibrary(string courseRoot, AssignmentProfile profile, string caseFolder) =>
        BaseLibrary(courseRoot, profile, FromKit(caseFolder));

    private static string BaseLibrary(string courseRoot, AssignmentProfile profile, bool kit)
    {
        var layout = new Release.RepositoryLayout(courseRoot);
        return kit ? Path.Combine(layout.Skeleton, profile.Id, Release.KitLayout.Library) : layout.ReferenceLibrary;
    }

    /// <summary>True when the case's <c>expected.json</c> says <c>"kit": true</c>: its base is the released kit's files (skeleton/&lt;id&gt;), not the reference.</summary>
    public static bool FromKit(string caseFolder) => ReadManifest(caseFolder).Kit;

    /// <summary>The assignment files and logs <paramref name="caseFolder"/>'s <c>expected.json</c> says the student did not submit.</summary>
    public static IReadOnlySet<string> Absent(string caseFolder) => ReadManifest(caseFolder).Absent;

    /// <summary>How many items <paramref name="caseFolder"/>'s <c>expected.json</c> expects to time out (0 without a manifest).</summary>
    /// <exception cref="InvalidDataException">the manifest is not valid JSON</exception>
    public static int ExpectedTimeouts(string caseFolder) => ReadManifest(caseFolder).Timeouts;

    /// <summary>What materialising (and ordering the examples) needs from the case's <c>expected.json</c>, read once.</summary>
    private static (bool Kit, IReadOnlySet<string> Absent, int Timeouts) ReadManifest(string caseFolder)
    {
        var manifest = Path.Combine(caseFolder, Manifest);
        if (!File.Exists(manifest))
        {
            return (false, new HashSet<string>(StringComparer.Ordinal), 0);
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(manifest), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{manifest}: expected a JSON object, found invalid JSON ({e.Message})", e);
        }

        using (doc)
        {
            var root = doc.RootElement;
            var kit = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("kit", out var k) && k.ValueKind == JsonValueKind.True;
            var absent = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("absent", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : "").Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);
            var timeouts = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object
                ? items.EnumerateObject().Count(item => item.Value.ValueKind == JsonValueKind.Object
                    && item.Value.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String && status.GetString() == "timeout")
                : 0;
            return (kit, absent, timeouts);
        }
    }

    /// <summary>The training logs and plots of the assignment's PassesAll example (tests/Golden/&lt;id&gt;/PassesAll/*.json except expected.json, and *.png).</summary>
    public static IReadOnlyList<string> Logs(string courseRoot, string assignment)
    {
        var folder = Path.Combine(courseRoot, "tests", "Golden", assignment, PassesAll);
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.json").Where(f => Path.GetFileName(f) != Manifest).Concat(Directory.EnumerateFiles(folder, "*.png")).Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>True when the file at <paramref name="path"/> is valid UTF-8 whose C# tokens equal <paramref name="reference"/>'s: a file in another encoding is never "the same" (its bytes are the point of the case).</summary>
    public static bool SameCodeAsFile(string path, string reference)
    {
        try
        {
            return SameCode(new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(path)), reference);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when two C# texts hold the same tokens: only comments, whitespace and line breaks differ. Preprocessor directives
    /// and the code an <c>#if</c> disables are trivia to Roslyn but can change what compiles, so they count as code here.
    /// </summary>
    public static bool SameCode(string a, string b) => Tokens(a).SequenceEqual(Tokens(b));

    private static IEnumerable<(int Kind, string Text)> Tokens(string code)
    {
        foreach (var token in CSharpSyntaxTree.ParseText(code).GetRoot().DescendantTokens())
        {
            foreach (var trivia in token.LeadingTrivia.Where(IsCode))
            {
                var text = trivia.GetStructure() is { } directive
                    ? directive.DescendantTokens().Select(t => t.Text)
                    : trivia.ToFullString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                yield return (trivia.RawKind, string.Join(' ', text));
            }

            yield return (token.RawKind, token.Text);
        }
    }

    private static bool IsCode(SyntaxTrivia trivia) => trivia.IsDirective || trivia.IsKind(SyntaxKind.DisabledTextTrivia);

    private static void Copy(string from, string to)
    {
        if (File.Exists(from))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to, overwrite: true);
        }
    }
}
