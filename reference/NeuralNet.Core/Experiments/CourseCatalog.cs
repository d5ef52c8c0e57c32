using NeuralNet.Data;
using System.Reflection;
using System.Runtime.Loader;
using NeuralNet.Optimizers;
using NeuralNet.Training;

namespace NeuralNet.Experiments;

/// <summary>Builds a network with freshly drawn weights for an experiment's <c>model</c> section.</summary>
/// <param name="model">the model settings</param>
/// <param name="rng">the seeded generator for initial weights and dropout masks</param>
/// <param name="inputDim">D, features per example</param>
/// <param name="classes">K</param>
/// <returns>the network as a chain of layers</returns>
public delegate LayerChain ModelBuilder(ModelConfig model, Rng rng, int inputDim, int classes);

/// <summary>Builds the optimiser an experiment's <c>optimizer</c> section names, with a hook that sets its learning rate between epochs.</summary>
/// <param name="config">type, eta, alpha, lambdas</param>
/// <returns>the optimiser and an action that sets its learning rate</returns>
public delegate (IOptimizer Optimizer, Action<double> SetLearningRate) OptimizerBuilder(OptimizerConfig config);

/// <summary>HW3 3.1.5's <c>--check_gradient</c> and <c>--check_magnitude</c>, provided by the module that assigns the gradient checker.</summary>
public interface IDebugChecks
{
    /// <summary>Backpropagates one batch and compares gradient entries with central differences.</summary>
    /// <param name="model">the network (its weights are restored)</param>
    /// <param name="x">a batch, shape (N, D)</param>
    /// <param name="y">its labels, length N</param>
    /// <returns>one line per checked entry</returns>
    IReadOnlyList<GradientCheckLog> Gradients(LayerChain model, Tensor x, int[] y);

    /// <summary>The l1 norm of the first parameter's gradient on random batches of each size.</summary>
    /// <param name="model">the network</param>
    /// <param name="train">the training examples (take a batch's rows with <see cref="Dataset.Subset"/>: a set read from
    /// image files then scales only those rows)</param>
    /// <param name="rng">chooses the batches</param>
    /// <param name="batchSizes">sizes to compare, each capped at N</param>
    /// <returns>one line per size</returns>
    IReadOnlyList<MagnitudeCheckLog> Magnitudes(LayerChain model, Dataset train, Rng rng, IReadOnlyList<int> batchSizes);
}

/// <summary>A course module: registers the models, optimisers and checks it provides (named by <see cref="CourseModuleAttribute"/>).</summary>
public interface ICourseModule
{
    /// <summary>Adds this module's entries.</summary>
    /// <param name="catalog">the catalogue being built</param>
    void Register(CourseCatalog catalog);
}

/// <summary>Names a module class (an <see cref="ICourseModule"/> with a parameterless constructor) of the assembly it is applied to.</summary>
/// <param name="module">the module class</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class CourseModuleAttribute(Type module) : Attribute
{
    /// <summary>The module class.</summary>
    public Type Module { get; } = module;
}

/// <summary>
/// What experiments can name: model types, optimiser types and the debug checks, each registered by the module that
/// provides it. NeuralNet.Core knows none of them; the modules assembly (<c>NeuralNet</c>, the reference's, a kit's or a
/// submission's build) lists its modules with <see cref="CourseModuleAttribute"/>.
/// </summary>
public sealed class CourseCatalog
{
    /// <summary>The name of the assembly the course's modules are compiled into.</summary>
    public const string ModulesAssembly = "NeuralNet";

    private static readonly Lock Gate = new();
    private static CourseCatalog? _default;
    private readonly SortedDictionary<string, (ModelBuilder Build, string Module)> _models = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, (OptimizerBuilder Build, string Module)> _optimizers = new(StringComparer.Ordinal);
    private string _registering = "?";

    /// <summary>
    /// The catalogue of the modules assembly loaded beside this NeuralNet.Core (loaded on first use if no assembly
    /// with modules is loaded yet).
    /// </summary>
    public static CourseCatalog Default
    {
        get
        {
            lock (Gate)
            {
                return _default ??= FromLoaded();
            }
        }
    }

    /// <summary>The model types, in order.</summary>
    public IReadOnlyList<string> ModelTypes => [.. _models.Keys];

    /// <summary>The optimiser types, in order.</summary>
    public IReadOnlyList<string> OptimizerTypes => [.. _optimizers.Keys];

    /// <summary>The gradient and magnitude checks, or null when no module provides them.</summary>
    public IDebugChecks? DebugChecks { get; private set; }

    /// <summary>The catalogue of the modules in <paramref name="assemblies"/>.</summary>
    /// <param name="assemblies">assemblies carrying <see cref="CourseModuleAttribute"/></param>
    /// <returns>the catalogue</returns>
    public static CourseCatalog From(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var catalog = new CourseCatalog();
        foreach (var module in assemblies.SelectMany(a => a.GetCustomAttributes<CourseModuleAttribute>()).Select(a => a.Module).Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (!typeof(ICourseModule).IsAssignableFrom(module) || module.GetConstructor(Type.EmptyTypes) is null)
            {
                throw new InvalidOperationException($"CourseModule: {module.FullName} must implement ICourseModule and have a public parameterless constructor");
            }

            catalog._registering = module.Name;
            ((ICourseModule)Activator.CreateInstance(module)!).Register(catalog);
        }

        catalog._registering = "?";
        return catalog;
    }

    /// <summary>Registers a model type.</summary>
    /// <param name="type">the name experiments use in <c>model.type</c>, e.g. "hw3-mlp"</param>
    /// <param name="build">builds the network</param>
    public void AddModel(string type, ModelBuilder build)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentNullException.ThrowIfNull(build);
        if (_models.TryGetValue(type, out var existing))
        {
            throw new InvalidOperationException($"CourseCatalog: model type '{type}' is registered by both {existing.Module} and {_registering}");
        }

        _models[type] = (build, _registering);
    }

    /// <summary>Registers an optimiser type.</summary>
    /// <param name="type">the name experiments use in <c>optimizer.type</c>, e.g. "sgd"</param>
    /// <param name="build">builds the optimiser</param>
    public void AddOptimizer(string type, OptimizerBuilder build)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentNullException.ThrowIfNull(build);
        if (_optimizers.TryGetValue(type, out var existing))
        {
            throw new InvalidOperationException($"CourseCatalog: optimizer type '{type}' is registered by both {existing.Module} and {_registering}");
        }

        _optimizers[type] = (build, _registering);
    }

    /// <summary>Sets the debug checks (one module provides them).</summary>
    /// <param name="checks">the checks</param>
    public void SetDebugChecks(IDebugChecks checks) =>
        DebugChecks = DebugChecks is null ? checks ?? throw new ArgumentNullException(nameof(checks)) : throw new InvalidOperationException($"CourseCatalog: debug checks are registered twice ({_registering})");

    /// <summary>Builds the network <paramref name="model"/> names.</summary>
    /// <param name="model">the model settings</param>
    /// <param name="rng">the seeded generator for initial weights and dropout masks</param>
    /// <param name="inputDim">D</param>
    /// <param name="classes">K</param>
    /// <returns>the network</returns>
    public LayerChain CreateModel(ModelConfig model, Rng rng, int inputDim = 784, int classes = 10)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rng);
        return _models.TryGetValue(model.Type, out var entry)
            ? entry.Build(model, rng, inputDim, classes)
            : throw new NotSupportedException($"model type '{model.Type}' is not provided by the modules of this build (available: {string.Join(", ", _models.Keys)})");
    }

    /// <summary>Builds the optimiser <paramref name="config"/> names.</summary>
    /// <param name="config">the optimiser settings</param>
    /// <returns>the optimiser and its learning-rate hook</returns>
    public (IOptimizer Optimizer, Action<double> SetLearningRate) CreateOptimizer(OptimizerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return _optimizers.TryGetValue(config.Type, out var entry)
            ? entry.Build(config)
            : throw new NotSupportedException($"optimizer type '{config.Type}' is not provided by the modules of this build (available: {string.Join(", ", _optimizers.Keys)})");
    }

    private static CourseCatalog FromLoaded()
    {
        var core = typeof(CourseCatalog).Assembly;
        var context = AssemblyLoadContext.GetLoadContext(core) ?? AssemblyLoadContext.Default;
        var withModules = context.Assemblies.Where(a => a.GetCustomAttributes<CourseModuleAttribute>().Any()).ToList();
        if (withModules.Count == 0)
        {
            try
            {
                withModules.Add(context.LoadFromAssemblyName(new AssemblyName(ModulesAssembly)));
            }
            catch (FileNotFoundException)
            {
                // No modules assembly beside Core: an empty catalogue, whose errors list no types.
            }
        }

        return From([.. withModules]);
    }
}
