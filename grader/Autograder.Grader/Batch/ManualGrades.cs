using System.Globalization;
using System.Text;

namespace Autograder.Grader.Batch;

/// <summary>One score the course staff gave by hand: a student's manual rubric item, with an optional comment.</summary>
public sealed record ManualGrade(string Student, string Item, double Points, string Comment, DateTimeOffset UpdatedAt);

/// <summary>
/// <c>manual-grades.csv</c> in a batch folder: one row per student and manual item (<c>student,item,points,comment,updated_at</c>),
/// written atomically after every change so a crash loses nothing, editable by hand and importable
/// (<c>autograder manual import</c>). Items without a row are <c>pending</c>.
/// </summary>
public sealed class ManualGrades
{
    public const string FileName = "manual-grades.csv";

    private static readonly string[] Header = ["student", "item", "points", "comment", "updated_at"];
    private readonly Dictionary<(string Student, string Item), ManualGrade> _grades;

    private ManualGrades(Dictionary<(string, string), ManualGrade> grades) => _grades = grades;

    /// <summary>No grades yet.</summary>
    public static ManualGrades Empty => new([]);

    public IReadOnlyCollection<ManualGrade> All => _grades.Values;

    public ManualGrade? Get(string student, string item) => _grades.GetValueOrDefault((student, item));

    /// <summary>The grades in a batch folder (none when the file does not exist yet).</summary>
    public static ManualGrades Load(string batchFolder, BatchManifest manifest)
    {
        var path = Path.Combine(batchFolder, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path), path, manifest) : Empty;
    }

    /// <summary>Parses manual grades, checking every row against the batch; a bad row is an error naming the file, line and field.</summary>
    public static ManualGrades Parse(string csv, string name, BatchManifest manifest)
    {
        var rows = Csv.Read(csv);
        // student,item,points are required; comment and updated_at may follow.
        if (rows.Count == 0 || rows[0].Count < 3 || !rows[0].Take(3).Select(h => h.Trim()).SequenceEqual(Header.Take(3), StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{name}: line 1: expected the header {string.Join(",", Header)}, found '{(rows.Count == 0 ? "" : string.Join(",", rows[0]))}'");
        }

        var manual = manifest.Items.Where(i => i.Manual).ToDictionary(i => i.Id, StringComparer.Ordinal);
        var students = manifest.Students.ToHashSet(StringComparer.Ordinal);
        var grades = new Dictionary<(string, string), ManualGrade>();
        for (var i = 1; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var at = $"{name}: line {i + 1}";
            if (row.Count < 3)
            {
                throw new InvalidDataException($"{at}: expected student,item,points[,comment[,updated_at]], found {row.Count} fields");
            }

            var (student, item, pointsText) = (row[0].Trim(), row[1].Trim(), row[2].Trim());
            if (!students.Contains(student))
            {
                throw new InvalidDataException($"{at}: student '{student}' is not in this batch ({students.Count} students, e.g. {string.Join(", ", students.Order(StringComparer.Ordinal).Take(3))})");
            }

            if (!manual.TryGetValue(item, out var spec))
            {
                throw new InvalidDataException($"{at}: '{item}' is not a manual item of {manifest.Assignment} (manual items: {string.Join(", ", manual.Keys)})");
            }

            if (!double.TryParse(pointsText, NumberStyles.Float, CultureInfo.InvariantCulture, out var points) || !double.IsFinite(points) || points < 0 || points > spec.Points)
            {
                throw new InvalidDataException($"{at}: points of {student} on {item}: expected a number from 0 to {spec.Points:0.##}, found '{pointsText}'");
            }

            var updated = row.Count > 4 && DateTimeOffset.TryParse(row[4], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : DateTimeOffset.UnixEpoch;
            grades[(student, item)] = new ManualGrade(student, item, points, row.Count > 3 ? row[3] : "", updated);
        }

        return new ManualGrades(grades);
    }

    /// <summary>This set with the grade of <paramref name="student"/> on <paramref name="item"/> set (or removed, with null points).</summary>
    public ManualGrades With(string student, string item, double? points, string comment, DateTimeOffset now)
    {
        var copy = new Dictionary<(string, string), ManualGrade>(_grades);
        if (points is { } p)
        {
            copy[(student, item)] = new ManualGrade(student, item, p, comment, now);
        }
        else
        {
            copy.Remove((student, item));
        }

        return new ManualGrades(copy);
    }

    /// <summary>This set with the grades of <paramref name="other"/> added; where both grade one student's item, the later entry wins.</summary>
    public ManualGrades Merge(ManualGrades other)
    {
        var copy = new Dictionary<(string, string), ManualGrade>(_grades);
        foreach (var grade in other.All)
        {
            if (!copy.TryGetValue((grade.Student, grade.Item), out var mine) || grade.UpdatedAt >= mine.UpdatedAt)
            {
                copy[(grade.Student, grade.Item)] = grade;
            }
        }

        return new ManualGrades(copy);
    }

    public void Save(string batchFolder) => AtomicFile.WriteAllText(Path.Combine(batchFolder, FileName), ToCsv());

    public string ToCsv()
    {
        var s = new StringBuilder();
        Csv.Line(s, Header);
        foreach (var g in _grades.Values.OrderBy(g => g.Student, StringComparer.Ordinal).ThenBy(g => g.Item, StringComparer.Ordinal))
        {
            Csv.Line(s, [g.Student, g.Item, g.Points.ToString("0.####", CultureInfo.InvariantCulture), g.Comment, g.UpdatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)]);
        }

        return s.ToString();
    }
}
