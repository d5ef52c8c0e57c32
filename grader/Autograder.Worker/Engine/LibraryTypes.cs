using System.Reflection;
using System.Runtime.Loader;

namespace Autograder.Worker.Engine;

/// <summary>
/// The course library's own types the engine converts to and from wire values, found by name in
/// the loaded library (the engine never links against the library, so one engine serves the trusted
/// reference and the untrusted student build alike).
/// </summary>
internal sealed class LibraryTypes
{
    private readonly MethodInfo? _fromArray;
    private readonly MethodInfo? _toArray;
    private readonly PropertyInfo? _shape;
    private readonly ConstructorInfo? _rng;

    public LibraryTypes(Assembly library)
    {
        Library = library;
        Core = CoreOf(library);
        Tensor = FindType(library, "NeuralNet.Tensor");
        Rng = FindType(library, "NeuralNet.Rng");
        _fromArray = Tensor?.GetMethod("FromArray", BindingFlags.Public | BindingFlags.Static, [typeof(double[]), typeof(int[])]);
        _toArray = Tensor?.GetMethod("ToArray", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        _shape = Tensor?.GetProperty("Shape", BindingFlags.Public | BindingFlags.Instance);
        _rng = Rng?.GetConstructor([typeof(ulong)]);
    }

    public Assembly Library { get; }

    public Type? Tensor { get; }

    public Type? Rng { get; }

    /// <summary>The pristine NeuralNet.Core the library was compiled against, loaded in the library's own load context (null for a library without one).</summary>
    public Assembly? Core { get; }

    public Type Find(string fullName) =>
        FindType(Library, fullName)
        ?? throw new TypeLoadException($"type '{fullName}' was not found in the course library (is it public and in the right namespace?)");

    public object NewTensor(int[] shape, double[] values) =>
        (_fromArray ?? throw new MissingMethodException("NeuralNet.Tensor.FromArray(double[], int[]) is missing"))
            .Invoke(null, [values, shape])!;

    public object NewRng(ulong seed) =>
        (_rng ?? throw new MissingMethodException("NeuralNet.Rng(ulong) is missing")).Invoke([seed]);

    public (int[] Shape, double[] Values) ReadTensor(object tensor)
    {
        var shape = (int[])(_shape ?? throw new MissingMemberException("NeuralNet.Tensor.Shape is missing")).GetValue(tensor)!;
        var values = (double[])(_toArray ?? throw new MissingMethodException("NeuralNet.Tensor.ToArray() is missing")).Invoke(tensor, null)!;
        return (shape, values);
    }

    /// <summary>A type by full name in the NeuralNet.Core <paramref name="library"/> references (a core type is never taken from the student's build), else in the modules assembly <paramref name="library"/> itself.</summary>
    public static Type? FindType(Assembly library, string fullName) =>
        CoreOf(library)?.GetType(fullName, throwOnError: false) ?? library.GetType(fullName, throwOnError: false);

    /// <summary>Every public type of <paramref name="library"/> and of its NeuralNet.Core.</summary>
    public static IEnumerable<Type> ExportedTypes(Assembly library) =>
        library.GetExportedTypes().Concat(CoreOf(library)?.GetExportedTypes() ?? []);

    /// <summary>The NeuralNet.Core <paramref name="library"/> references, loaded through the library's load context; null when it references none.</summary>
    public static Assembly? CoreOf(Assembly library)
    {
        var name = library.GetReferencedAssemblies().FirstOrDefault(n => n.Name == "NeuralNet.Core");
        if (name is null)
        {
            return null;
        }

        var context = AssemblyLoadContext.GetLoadContext(library) ?? AssemblyLoadContext.Default;
        return context.LoadFromAssemblyName(name);
    }
}
