using System.Reflection;
using System.Runtime.Loader;

namespace Autograder.Worker.Engine;

/// <summary>
/// Loads the student build and resolves its dependencies (System.Numerics.Tensors, YamlDotNet)
/// from the same folder, which the host fills; nothing else is reachable.
/// </summary>
internal sealed class LibraryLoadContext(string directory) : AssemblyLoadContext("student", isCollectible: false)
{
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var candidate = Path.Combine(directory, assemblyName.Name + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }

    public static Assembly LoadLibrary(string path) =>
        new LibraryLoadContext(Path.GetDirectoryName(Path.GetFullPath(path))!).LoadFromAssemblyPath(Path.GetFullPath(path));
}
