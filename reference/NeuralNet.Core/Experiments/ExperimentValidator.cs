using System.Globalization;
using NeuralNet.Data;

namespace NeuralNet.Experiments;

/// <summary>Range and name checks of an <see cref="ExperimentConfig"/> after binding.</summary>
public static class ExperimentValidator
{
    /// <summary>The optimiser types the loaded modules provide (<see cref="CourseCatalog.Default"/>).</summary>
    public static IReadOnlyList<string> OptimizerTypes => CourseCatalog.Default.OptimizerTypes;

    /// <summary>Every problem of a config, in file order; empty when it is valid.</summary>
    /// <param name="c">the config</param>
    /// <returns>problems with their YAML paths</returns>
    public static IEnumerable<ConfigProblem> Problems(ExperimentConfig c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (string.IsNullOrWhiteSpace(c.Name) || c.Name.IndexOfAny([.. Path.GetInvalidFileNameChars(), '/', '\\']) >= 0)
        {
            yield return new("name", $"expected the log's file name without .json (e.g. MLP_lr0.01_b5), found '{c.Name}'");
        }

        if (string.IsNullOrWhiteSpace(c.Assignment))
        {
            yield return new("assignment", "expected the assignment id (e.g. hw3-fashion-mlp), found nothing");
        }

        if (!DataStore.Names.Contains(c.Data.Dataset))
        {
            yield return new("data.dataset", $"expected one of {string.Join(", ", DataStore.Names)}, found '{c.Data.Dataset}'");
        }

        if (c.Data.Validation is not ("provided" or "split"))
        {
            yield return new("data.validation", $"expected 'provided' or 'split', found '{c.Data.Validation}'");
        }

        if (c.Data.TrainFraction is <= 0 or >= 1)
        {
            yield return new("data.train_fraction", $"expected a number in (0, 1), found {F(c.Data.TrainFraction)}");
        }

        if (!CourseCatalog.Default.ModelTypes.Contains(c.Model.Type))
        {
            yield return new("model.type", $"expected one of {string.Join(", ", CourseCatalog.Default.ModelTypes)}, found '{c.Model.Type}'");
        }

        if (c.Model.Hidden < 1)
        {
            yield return new("model.hidden", $"expected at least 1, found {c.Model.Hidden}");
        }

        if (c.Model.Dropout is < 0 or >= 1)
        {
            yield return new("model.dropout", $"expected a rate in [0, 1), found {F(c.Model.Dropout)}");
        }

        foreach (var problem in OptimizerProblems(c.Optimizer))
        {
            yield return problem;
        }

        foreach (var problem in TrainingProblems(c.Training))
        {
            yield return problem;
        }

        for (var i = 0; i < c.TestSets.Length; i++)
        {
            if (!TestSets.Names.Contains(c.TestSets[i]))
            {
                yield return new($"test_sets[{i}]", $"expected one of {string.Join(", ", TestSets.Names)}, found '{c.TestSets[i]}'");
            }
        }
    }

    private static IEnumerable<ConfigProblem> OptimizerProblems(OptimizerConfig o)
    {
        if (!OptimizerTypes.Contains(o.Type))
        {
            yield return new("optimizer.type", $"expected one of {string.Join(", ", OptimizerTypes)}, found '{o.Type}'");
        }

        if (o.LearningRate <= 0 || !double.IsFinite(o.LearningRate))
        {
            yield return new("optimizer.learning_rate", $"expected a positive number, found {F(o.LearningRate)}");
        }

        if (o.Momentum is < 0 or >= 1)
        {
            yield return new("optimizer.momentum", $"expected alpha in [0, 1), found {F(o.Momentum)}");
        }

        if (o.Momentum > 0 && o.Type == "sgd")
        {
            yield return new("optimizer.momentum", $"plain 'sgd' has no momentum; use type 'momentum' (HW3 3.4) or 'hw6', found momentum {F(o.Momentum)}");
        }

        if (o.WeightDecay < 0 || (o.WeightDecay > 0 && o.Type != "hw6"))
        {
            yield return new("optimizer.weight_decay", $"expected 0, or a non-negative lambda with type 'hw6', found {F(o.WeightDecay)} with type '{o.Type}'");
        }

        if (o.L2 < 0 || (o.L2 > 0 && o.Type != "sgd"))
        {
            yield return new("optimizer.l2", $"expected 0, or a non-negative lambda with type 'sgd' (A1), found {F(o.L2)} with type '{o.Type}'");
        }

        if (o.DecayEvery is < 1)
        {
            yield return new("optimizer.decay_every", $"expected at least 1 epoch or no value, found {o.DecayEvery}");
        }

        if (o.DecayFactor is <= 0 or > 1)
        {
            yield return new("optimizer.decay_factor", $"expected a number in (0, 1], found {F(o.DecayFactor)}");
        }
    }

    private static IEnumerable<ConfigProblem> TrainingProblems(TrainingConfig t)
    {
        if (t.Epochs < 1)
        {
            yield return new("training.epochs", $"expected at least 1, found {t.Epochs}");
        }

        if (t.BatchSize < 1)
        {
            yield return new("training.batch_size", $"expected at least 1, found {t.BatchSize}");
        }

        if (t.Patience is < 1)
        {
            yield return new("training.patience", $"expected at least 1 epoch or no value, found {t.Patience}");
        }
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
