using System.Globalization;
using System.Text;
using Autograder.Grader.Batch;

namespace Autograder.Grader.Reports.Class;

/// <summary>The learning-management systems <c>autograder export</c> writes a gradebook for.</summary>
public enum ExportFormat
{
    Canvas,
    Moodle,
    Csv,
}

/// <summary>One student of the roster: the submission folder's name and the LMS identities it stands for
/// (<paramref name="Student"/> is the name of the submission in the batch; the rest are the LMS's own fields,
/// empty where the roster does not give them).</summary>
public sealed record RosterEntry(string Student, string Name, string Id, string SisUserId, string SisLoginId, string Section, string Email, string IdNumber);

/// <summary>
/// A batch's gradebook as an LMS imports it: per student the total (automatic score + bonus + the staff's manual
/// points). Canvas: <c>Student, ID, SIS User ID, SIS Login ID, Section, &lt;title&gt; (&lt;id&gt;)</c> with a
/// <c>Points Possible</c> row; Moodle: <c>Full name, Email address, ID number, &lt;title&gt;</c>; csv:
/// <c>student, score, max_score</c>. A roster maps submission names to LMS identities; students it does not
/// list, and roster rows without a submission, are reported, never dropped silently.
/// </summary>
public static class GradebookExport
{
    public sealed record Export(string Csv, IReadOnlyList<string> Unmatched, IReadOnlyList<string> NotSubmitted);

    public static Export Write(string batchFolder, ExportFormat format, IReadOnlyList<RosterEntry>? roster, string? lmsAssignment = null)
    {
        var manifest = BatchManifest.Read(batchFolder);
        var manual = ManualGrades.Load(batchFolder, manifest);
        var records = manifest.Students.Select(s => StudentRecord.Load(batchFolder, s)).ToList();
        var max = manifest.MaxScore + manifest.Items.Sum(i => i.ManualMax);
        var items = manifest.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var byStudent = roster?.ToDictionary(r => r.Student, StringComparer.Ordinal);
        var unmatched = byStudent is null ? [] : records.Select(r => r.Student).Where(s => !byStudent.ContainsKey(s)).ToList();
        var notSubmitted = roster is null ? [] : roster.Where(r => !manifest.Students.Contains(r.Student)).Select(r => r.Student).ToList();
        string Total(StudentRecord r) => r.Result is null ? "" : Number(Math.Max(0, r.Result.Score + manual.All.Where(g => g.Student == r.Student).Sum(g => items[g.Item].Signed(g.Points))));
        RosterEntry Who(string student) => byStudent?.GetValueOrDefault(student) ?? new RosterEntry(student, student, "", "", student, "", "", "");

        var s = new StringBuilder();
        var column = $"{manifest.Title} ({lmsAssignment ?? manifest.Assignment})";
        switch (format)
        {
            case ExportFormat.Canvas:
                Csv.Line(s, ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", column]);
                Csv.Line(s, ["Points Possible", "", "", "", "", Number(max)]);
                foreach (var r in records)
                {
                    var who = Who(r.Student);
                    Csv.Line(s, [who.Name, who.Id, who.SisUserId, who.SisLoginId, who.Section, Total(r)]);
                }

                break;
            case ExportFormat.Moodle:
                Csv.Line(s, ["Full name", "Email address", "ID number", manifest.Title]);
                foreach (var r in records)
                {
                    var who = Who(r.Student);
                    Csv.Line(s, [who.Name, who.Email, who.IdNumber, Total(r)]);
                }

                break;
            default:
                Csv.Line(s, ["student", "score", "max_score"]);
                foreach (var r in records)
                {
                    Csv.Line(s, [r.Student, Total(r), Number(max)]);
                }

                break;
        }

        return new Export(s.ToString(), unmatched, notSubmitted);
    }

    /// <summary>
    /// Reads a roster CSV: a <c>student</c> column (the submission's name) and any of <c>name, id, sis_user_id,
    /// sis_login_id, section, email, id_number</c> (Canvas's and Moodle's own headers are accepted too).
    /// </summary>
    public static IReadOnlyList<RosterEntry> ReadRoster(string path)
    {
        var rows = Csv.Read(File.ReadAllText(path));
        if (rows.Count == 0)
        {
            throw new InvalidDataException($"{path}: the roster is empty; expected a header with a 'student' column");
        }

        var header = rows[0].Select(h => h.Trim().ToLowerInvariant().Replace(' ', '_')).ToList();
        int Column(params string[] names) => names.Select(n => header.IndexOf(n)).FirstOrDefault(i => i >= 0, -1);
        var student = Column("student", "submission");
        if (student < 0)
        {
            throw new InvalidDataException($"{path}: line 1: no 'student' column (the submission's folder or zip name); found {string.Join(", ", rows[0])}");
        }

        var (name, id, sisUser, sisLogin, section, email, idNumber) = (Column("name", "full_name"), Column("id"), Column("sis_user_id"), Column("sis_login_id", "login"), Column("section"), Column("email", "email_address"), Column("id_number", "idnumber"));
        string At(List<string> row, int i) => i >= 0 && i < row.Count ? row[i].Trim() : "";
        var entries = new List<RosterEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var key = At(row, student);
            if (key.Length == 0 || !seen.Add(key))
            {
                throw new InvalidDataException($"{path}: line {i + 1}: {(key.Length == 0 ? "the student column is empty" : $"student '{key}' is listed twice")}");
            }

            entries.Add(new RosterEntry(key, At(row, name) is { Length: > 0 } n ? n : key, At(row, id), At(row, sisUser), At(row, sisLogin), At(row, section), At(row, email), At(row, idNumber)));
        }

        return entries;
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
