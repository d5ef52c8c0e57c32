using System.Xml.Linq;

namespace Autograder.Grader.Release;

/// <summary>Project files of a kit, derived from the repository's.</summary>
public static partial class KitProjects
{
    /// <summary>
    /// The reference library's csproj without the harness's friend assemblies (tests, benchmarks);
    /// the kit's public tests get internals access instead.
    /// </summary>
    /// <param name="referenceProject">the text of reference/NeuralNet/NeuralNet.csproj</param>
    public static string LibraryProject(string referenceProject)
    {
        var project = XDocument.Parse(referenceProject, LoadOptions.PreserveWhitespace);
        var root = project.Root ?? throw new InvalidDataException("NeuralNet.csproj has no root element");
        foreach (var friend in root.Descendants("InternalsVisibleTo").ToList())
        {
            friend.Remove();
        }

        ReplaceCoreReference(root);

        foreach (var group in root.Elements("ItemGroup").Where(g => !g.Elements().Any()).ToList())
        {
            group.Remove();
        }

        root.Add("  ", new XElement("ItemGroup", "\n    ", new XElement("InternalsVisibleTo", new XAttribute("Include", "PublicTests")), "\n  "), "\n");
        var text = project.ToString(SaveOptions.DisableFormatting);
        // Removing elements leaves their whitespace behind: drop blank lines that follow a blank line.
        var lines = text.Split('\n').Select(l => l.TrimEnd()).ToList();
        return string.Join('\n', lines.Where((l, i) => l.Length > 0 || (i > 0 && lines[i - 1].Length > 0))).TrimEnd() + "\n";
    }

    /// <summary>The kit's Directory.Packages.props: the repository's versions of the packages the kit's projects use.</summary>
    /// <param name="repositoryPackages">the text of the repository's Directory.Packages.props</param>
    /// <param name="needed">package ids the kit's projects reference</param>
    public static string Packages(string repositoryPackages, IReadOnlySet<string> needed)
    {
        var versions = XDocument.Parse(repositoryPackages).Root!.Descendants("PackageVersion")
            .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);
        var missing = needed.Where(n => !versions.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"the kit uses {string.Join(", ", missing)}, which Directory.Packages.props does not pin; add a PackageVersion there");
        }

        // ScottPlot pulls SkiaSharp/HarfBuzzSharp transitively; the repository pins their served versions.
        var pinned = needed.Contains("ScottPlot")
            ? versions.Keys.Where(k => k.StartsWith("SkiaSharp", StringComparison.OrdinalIgnoreCase) || k.StartsWith("HarfBuzzSharp", StringComparison.OrdinalIgnoreCase))
            : [];
        var entries = needed.Concat(pinned).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)
            .Select(n => $"    <PackageVersion Include=\"{n}\" Version=\"{versions[n]}\" />");
        var pinning = needed.Contains("ScottPlot")
            ? "  <PropertyGroup>\n    <CentralPackageTransitivePinningEnabled>true</CentralPackageTransitivePinningEnabled>\n  </PropertyGroup>\n"
            : "";
        return "<Project>\n  <!-- Package versions of this kit, copied from the course repository's central versions. -->\n"
            + pinning + "  <ItemGroup>\n" + string.Join('\n', entries) + "\n  </ItemGroup>\n</Project>\n";
    }

    /// <summary>
    /// A provided program's csproj for the kit: paths into the library (<c>../NeuralNet/</c>, beside the
    /// program in <c>reference/</c>) become <c>../../NeuralNet/</c>, the kit's library seen from <c>tools/&lt;program&gt;/</c>.
    /// </summary>
    /// <param name="programProject">the text of the program's csproj in the repository</param>
    public static string ProgramProject(string programProject)
    {
        var project = XDocument.Parse(programProject, LoadOptions.PreserveWhitespace);
        ReplaceCoreReference(project.Root ?? throw new InvalidDataException("the program's csproj has no root element"));
        return LibraryPath().Replace(project.ToString(SaveOptions.DisableFormatting), "../../NeuralNet/").TrimEnd() + "\n";
    }

    /// <summary>
    /// A kit has no NeuralNet.Core sources: its Directory.Build.props references the compiled assembly in lib/, so a project
    /// reference to NeuralNet.Core becomes references to Core's packages (a DLL reference brings no package dependencies).
    /// </summary>
    private static void ReplaceCoreReference(XElement root)
    {
        foreach (var core in root.Descendants("ProjectReference").Where(r => ((string?)r.Attribute("Include") ?? "").Contains("NeuralNet.Core", StringComparison.Ordinal)).ToList())
        {
            core.AddAfterSelf(
                new XElement("PackageReference", new XAttribute("Include", "System.Numerics.Tensors")),
                "\n    ", new XElement("PackageReference", new XAttribute("Include", "YamlDotNet")));
            core.Remove();
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![./])\.\./NeuralNet/")]
    private static partial System.Text.RegularExpressions.Regex LibraryPath();
}
