using System.Reflection;
using System.Runtime.Loader;

namespace Autograder.Worker.Engine;

/// <summary>
/// Loads a provided program (e.g. Homework 5's <c>neuralnet</c>, compiled by the host against the course
/// library's API) next to an already loaded library: the program's reference to the library resolves to
/// that very assembly (the student build in the worker, the reference in the host), every other
/// dependency through the library's own load context.
/// </summary>
internal sealed class ProgramLoadContext(Assembly library) : AssemblyLoadContext("program", isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (AssemblyName.ReferenceMatchesDefinition(assemblyName, library.GetName()))
        {
            return library;
        }

        var owner = GetLoadContext(library);
        return owner is null || owner == Default ? null : owner.LoadFromAssemblyName(assemblyName);
    }

    /// <summary>Loads the program at <paramref name="path"/> (from its bytes, so the file is not kept open).</summary>
    public Assembly LoadProgram(string path)
    {
        using var stream = new MemoryStream(File.ReadAllBytes(path));
        return LoadFromStream(stream);
    }
}
