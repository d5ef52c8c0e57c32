namespace Autograder.Grader.Release;

/// <summary>
/// NeuralNet.Core as a kit ships it: the compiled assembly the grader itself runs on and compiles submissions against
/// (so a kit and the grader agree to the byte) and its XML documentation, under <c>lib/</c>.
/// </summary>
public static class KitCore
{
    /// <summary>The kit folder holding the assembly and its documentation.</summary>
    public const string Folder = "lib";

    /// <summary>The assembly's file name.</summary>
    public const string Assembly = Compilation.CompilerReferences.CoreAssembly + ".dll";

    /// <summary>Adds lib/NeuralNet.Core.dll and lib/NeuralNet.Core.xml to <paramref name="kit"/>.</summary>
    /// <param name="kit">the kit being built</param>
    public static void Add(KitFiles kit)
    {
        var dll = Compilation.CompilerReferences.PackagePaths().FirstOrDefault(p => Path.GetFileName(p) == Assembly)
            ?? throw new FileNotFoundException($"{Assembly} is not among the grader's assemblies; build the grader first");
        var xml = Path.ChangeExtension(dll, ".xml");
        if (!File.Exists(xml))
        {
            throw new FileNotFoundException($"{xml} is missing: NeuralNet.Core's XML documentation ships with every kit (GenerateDocumentationFile)");
        }

        kit.Add($"{Folder}/{Assembly}", File.ReadAllBytes(dll));
        kit.AddText($"{Folder}/{Path.GetFileName(xml)}", File.ReadAllText(xml));
    }
}
