using System.Globalization;
using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace NeuralNet.Experiments;

/// <summary>
/// Reads experiment YAML files into <see cref="ExperimentConfig"/>s. Unknown keys, wrong types and
/// out-of-range values are <see cref="ExperimentConfigException"/>s naming the file, the YAML path and
/// the line, e.g. <c>hw3/mlp.yaml:9: training.batch_size: expected an integer, found 'five'</c>.
/// </summary>
public static class ExperimentLoader
{
    /// <summary>The settings a <see cref="SweepConfig"/> may vary.</summary>
    public static IReadOnlyList<string> SweepKeys { get; } =
        ["training.batch_size", "training.epochs", "optimizer.learning_rate", "optimizer.momentum", "optimizer.weight_decay", "optimizer.l2", "model.dropout", "model.hidden"];

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Reads a file; a sweep gives one config per value.</summary>
    /// <param name="path">the YAML file</param>
    /// <returns>the runs the file describes, in order</returns>
    public static IReadOnlyList<ExperimentConfig> LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ExperimentConfigException($"{path}: no such experiment file");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses YAML text.</summary>
    /// <param name="text">the YAML</param>
    /// <param name="fileName">the name used in error messages</param>
    /// <returns>the runs, one per sweep value (or one)</returns>
    public static IReadOnlyList<ExperimentConfig> Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        if (YamlGuard.Problem(text) is { } guard)
        {
            throw new ExperimentConfigException($"{fileName}:{guard.Line}: {(guard.Path.Length == 0 ? "" : guard.Path + ": ")}{guard.Message}");
        }

        var locator = new YamlLocator(text);
        ExperimentConfig? config;
        try
        {
            config = Deserializer.Deserialize<ExperimentConfig>(text);
        }
        catch (YamlException e)
        {
            var path = locator.PathAt(e.Start);
            var where = path.Length == 0 ? "" : $"{path}: ";
            throw new ExperimentConfigException($"{fileName}:{e.Start.Line}: {where}{Describe(path, e, locator.ScalarAt(path))}", e);
        }

        if (config is null)
        {
            throw new ExperimentConfigException($"{fileName}: the file is empty; expected a mapping with at least 'name' and 'assignment'");
        }

        var runs = Expand(config, fileName, locator);
        foreach (var run in runs)
        {
            var problem = ExperimentValidator.Problems(run).FirstOrDefault();
            if (problem is not null)
            {
                var line = locator.LineOf(problem.Path);
                throw new ExperimentConfigException($"{fileName}:{line}: {problem.Path}: {problem.Message}");
            }
        }

        return runs;
    }

    private static List<ExperimentConfig> Expand(ExperimentConfig config, string fileName, YamlLocator locator)
    {
        if (config.Sweep is not { } sweep)
        {
            return [config];
        }

        if (!SweepKeys.Contains(sweep.Key))
        {
            throw new ExperimentConfigException(
                $"{fileName}:{locator.LineOf("sweep.key")}: sweep.key: expected one of {string.Join(", ", SweepKeys)}, found '{sweep.Key}'");
        }

        if (sweep.Values.Length == 0 || !config.Name.Contains("{value}", StringComparison.Ordinal))
        {
            throw new ExperimentConfigException(
                $"{fileName}:{locator.LineOf("sweep")}: sweep: expected a non-empty 'values' list and '{{value}}' in the name (found name '{config.Name}', {sweep.Values.Length} values)");
        }

        var runs = new List<ExperimentConfig>();
        for (var i = 0; i < sweep.Values.Length; i++)
        {
            var value = sweep.Values[i];
            try
            {
                runs.Add(Apply(config, sweep.Key, value) with { Name = config.Name.Replace("{value}", value, StringComparison.Ordinal), Sweep = null });
            }
            catch (FormatException)
            {
                var expected = sweep.Key is "training.batch_size" or "training.epochs" or "model.hidden" ? "an integer" : "a number";
                throw new ExperimentConfigException($"{fileName}:{locator.LineOf($"sweep.values[{i}]")}: sweep.values[{i}]: expected {expected} for {sweep.Key}, found '{value}'");
            }
        }

        return runs;
    }

    private static ExperimentConfig Apply(ExperimentConfig c, string key, string value)
    {
        int Int() => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
        double Real() => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        return key switch
        {
            "training.batch_size" => c with { Training = c.Training with { BatchSize = Int() } },
            "training.epochs" => c with { Training = c.Training with { Epochs = Int() } },
            "optimizer.learning_rate" => c with { Optimizer = c.Optimizer with { LearningRate = Real() } },
            "optimizer.momentum" => c with { Optimizer = c.Optimizer with { Momentum = Real() } },
            "optimizer.weight_decay" => c with { Optimizer = c.Optimizer with { WeightDecay = Real() } },
            "optimizer.l2" => c with { Optimizer = c.Optimizer with { L2 = Real() } },
            "model.dropout" => c with { Model = c.Model with { Dropout = Real() } },
            "model.hidden" => c with { Model = c.Model with { Hidden = Int() } },
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "unknown sweep key"),
        };
    }

    private static string Describe(string path, YamlException e, string? found)
    {
        var message = e.InnerException?.Message ?? e.Message;
        if (message.Contains("not found on type", StringComparison.Ordinal))
        {
            var parent = path.Contains('.', StringComparison.Ordinal) ? path[..path.LastIndexOf('.')] : "";
            var known = string.Join(", ", KeysOf(TypeAt(parent)));
            return $"unknown key; expected one of: {known}";
        }

        var target = TypeAt(path);
        return target == typeof(ExperimentConfig) ? message : $"expected {TypeName(target)}, found {(found is null ? "something else" : $"'{found}'")}";
    }

    /// <summary>The C# type bound at a dotted YAML path (the root type when the path is unknown).</summary>
    private static Type TypeAt(string path)
    {
        var type = typeof(ExperimentConfig);
        foreach (var raw in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Contains('[', StringComparison.Ordinal) ? raw[..raw.IndexOf('[', StringComparison.Ordinal)] : raw;
            var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => UnderscoredNamingConvention.Instance.Apply(p.Name) == segment);
            if (property is null)
            {
                return type;
            }

            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (raw.Contains('[', StringComparison.Ordinal) && type.IsArray)
            {
                type = type.GetElementType()!;
            }
        }

        return type;
    }

    private static IEnumerable<string> KeysOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => UnderscoredNamingConvention.Instance.Apply(p.Name));

    private static string TypeName(Type type) => type switch
    {
        _ when type == typeof(int) => "an integer",
        _ when type == typeof(ulong) => "a non-negative integer",
        _ when type == typeof(double) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(string) => "a string",
        _ when type.IsArray => "a list",
        _ => $"a mapping with keys {string.Join(", ", KeysOf(type))}",
    };
}
