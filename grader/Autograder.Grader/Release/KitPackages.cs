using System.Text;
using System.Xml.Linq;

namespace Autograder.Grader.Release;

/// <summary>Adds the kit's central package versions for every package its projects reference.</summary>
internal static class KitPackages
{
    public static void Add(KitFiles kit, RepositoryLayout layout)
    {
        var needed = kit.Files
            .Where(f => f.Key.EndsWith(".csproj", StringComparison.Ordinal))
            .SelectMany(f => XDocument.Parse(Encoding.UTF8.GetString(f.Value)).Descendants("PackageReference"))
            .Select(p => (string?)p.Attribute("Include"))
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var repository = File.ReadAllText(Path.Combine(layout.Root, "Directory.Packages.props"));
        kit.AddText("Directory.Packages.props", KitProjects.Packages(repository, needed));
    }
}
