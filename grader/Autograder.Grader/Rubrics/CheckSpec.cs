namespace Autograder.Grader.Rubrics;

/// <summary>
/// One check of a rubric item as written in YAML. <see cref="Kind"/> picks the check in the
/// registry; the other fields are that kind's parameters (each kind documents which it reads).
/// Constructor args are YAML scalars: integers, numbers, enum member names, or <c>rng</c> for a
/// <c>NeuralNet.Rng</c> seeded from the submission seed.
/// </summary>
public sealed record CheckSpec
{
    public string Kind { get; init; } = "";

    public string? Name { get; init; }

    /// <summary>Full name of the type under test, e.g. <c>NeuralNet.Layers.Linear</c>.</summary>
    public string? Type { get; init; }

    /// <summary>A static method that builds the object under test instead of a constructor, e.g. <c>NeuralNet.Models.Hw6.Hw6Models.Cnn2</c> (called with <see cref="Args"/>).</summary>
    public string? Factory { get; init; }

    /// <summary>model: the binding <see cref="Method"/> is called on when it is not static (default <c>m</c>; e.g. <c>net</c> bound by setup).</summary>
    public string? MethodTarget { get; init; }

    public List<string> Args { get; init; } = [];

    /// <summary>Arguments of <see cref="Method"/> (same tokens as <see cref="Args"/>; <c>$x</c>/<c>$y</c> are the random input and labels).</summary>
    public List<string> MethodArgs { get; init; } = [];

    /// <summary>Shape of the input x, e.g. [4, 7].</summary>
    public List<int>? Input { get; init; }

    /// <summary>Wall-clock limit of one call into the submission for this check (default the rubric's call_timeout_seconds).</summary>
    public double? TimeoutSeconds { get; init; }

    /// <summary>accuracy: CPU seconds one training step may take (a hang stops here, not at the end of the whole budget).</summary>
    public double StepTimeoutSeconds { get; init; } = 10;

    /// <summary>training-log: the training examples of the logged run; the log's updates per epoch must be the batches they make.</summary>
    public int? TrainExamples { get; init; }

    /// <summary>training-log: re-run the logged experiment's first epochs with the submission's code and compare (<see cref="ReplaySpec"/>); null checks the log alone.</summary>
    public ReplaySpec? Replay { get; init; }

    /// <summary>plot: the curves, marker and logs a submitted plot <c>file</c> must show (<see cref="PlotSpec"/>).</summary>
    public PlotSpec? Plot { get; init; }

    /// <summary>What the timeout message advises (e.g. "vectorise the hidden layer with MatMul"); stated in the kit README too.</summary>
    public string? TimeoutHint { get; init; }

    /// <summary>
    /// The one part of the item this check judges (e.g. <c>linear.backward</c> in an item of a layer's three parts), when
    /// it is not the whole item. A check of it that fails is run again with the reference's code for every other part,
    /// the item's own included (the backward check calls Forward and constructs the layer), and the better result counts.
    /// </summary>
    public string? Part { get; init; }

    /// <summary>Random cases to run (each with fresh inputs).</summary>
    public int Cases { get; init; } = 3;

    /// <summary>
    /// Share of the item's points this check carries when every check of the item states one (e.g. init 2, forward 2,
    /// backward 2 as the kit counts them); otherwise points follow the passing cases of all checks.
    /// </summary>
    public double? Weight { get; init; }

    public double Atol { get; init; } = 1e-6;

    public double Rtol { get; init; } = 1e-5;

    /// <summary>Largest CS231n relative error accepted (floor 1e-8), used by gradient checks.</summary>
    public double MaxRelError { get; init; } = 1e-6;

    public Dictionary<string, ParameterSpec>? Params { get; init; }

    public bool ZeroGrads { get; init; } = true;

    /// <summary>Standard deviation of the random input <c>$x</c> (default 1; large values test numerical stability, e.g. softmax of logits near 100).</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>The part must not modify its inputs (the TODO says so): a change fails the check; by default it is a warning only.</summary>
    public bool InputsReadOnly { get; init; }

    /// <summary>Set about a quarter of the input entries to exactly 0 (catches ReLU-at-zero mistakes).</summary>
    public bool IncludeZeros { get; init; }

    /// <summary>Number of classes for random labels (<c>$y</c> argument).</summary>
    public int Classes { get; init; } = 10;

    /// <summary>A method name: the static function under test (gradcheck function mode, model), or the optimizer's step.</summary>
    public string? Method { get; init; }

    /// <summary>Type declaring <see cref="Method"/> when it is static, e.g. <c>NeuralNet.Gradients.GradientChecker</c>.</summary>
    public string? MethodType { get; init; }

    public string? Mode { get; init; }

    public int Steps { get; init; } = 3;

    /// <summary>model: compare the method's return value too (default); false for a backward item, whose gradients are what it grades, not the loss it returns.</summary>
    public bool CompareResult { get; init; } = true;

    /// <summary>optimizer: what must match after each step, <c>Value</c> (an update rule) or <c>Grad</c> (a rule that edits gradients, e.g. L2).</summary>
    public string Compare { get; init; } = "Value";

    /// <summary>Optimizer type under test (optimizer kind); <see cref="Type"/> then names the module whose parameters it updates.</summary>
    public string? Optimizer { get; init; }

    public List<string> OptimizerArgs { get; init; } = [];

    /// <summary>optimizer: parameters made directly (name to shape) instead of a module's, so an optimizer item does not depend on a layer the student writes.</summary>
    public Dictionary<string, List<int>>? ParameterShapes { get; init; }

    public int? ParameterCount { get; init; }

    /// <summary>
    /// model: the Dropout layers of <c>$m.Network</c> (nested Sequentials included) must match the reference's: as many, each
    /// with the same rate and after as many layers with parameters. Parameters and a forward pass with dropout off cannot see
    /// a dropout layer left out, moved or given a hard-coded rate.
    /// </summary>
    public bool DropoutLayers { get; init; }

    /// <summary>Log file name (training-log kind) and schema path relative to the course root.</summary>
    public string? File { get; init; }

    public string? Schema { get; init; }

    public int? MinEntries { get; init; }

    /// <summary>
    /// training-log: what the log must hold, path to value: <c>name: MLP_lr0.01_b5</c> (equal),
    /// <c>"val[-1]": {min: 0.8}</c> (range), <c>train.length: 30</c>, <c>"gradient_checks[*].relative_error": {max: 1e-4}</c> (every entry).
    /// </summary>
    public Dictionary<string, object>? Expect { get; init; }

    /// <summary>C# source of a script check, evaluated on the host with Roslyn scripting.</summary>
    public string? Code { get; init; }

    /// <summary>Random tensors (name to shape) bound on both sides as <c>$name</c>, with a random entry index as <c>$name_index</c>.</summary>
    public Dictionary<string, List<int>>? Tensors { get; init; }

    /// <summary>Calls made on both sides before the call under test (e.g. constructing a loss).</summary>
    public List<CallSpec> Setup { get; init; } = [];

    /// <summary>Calls made on the reference only; their results (or the named members) are sent to both sides as values.</summary>
    public List<CallSpec> ReferenceValues { get; init; } = [];

    /// <summary>accuracy: the data the host loads.</summary>
    public DataSpec? Data { get; init; }

    /// <summary>accuracy: one training step on <c>$xb</c> = <c>$train_x.Rows($idx)</c> and <c>$yb</c> (run in one round trip per batch).</summary>
    public List<CallSpec> Step { get; init; } = [];

    /// <summary>accuracy: calls whose last result is the predictions for <c>$test_x</c>: labels (int[]) or scores (N, K).</summary>
    public List<CallSpec> Predict { get; init; } = [];

    public int Epochs { get; init; } = 1;

    public int BatchSize { get; init; } = 32;

    /// <summary>accuracy: the lowest test accuracy that passes, a fraction.</summary>
    public double MinAccuracy { get; init; }

    /// <summary>
    /// accuracy: also fail when the test accuracy is more than this below the reference's, trained on the same schedule
    /// (same initial weights when the model's constructor draws them, same batches); for models whose accuracy depends on
    /// luck more than a fixed floor allows (A1's softmax regression: 0.52 to 0.90 over seeds). Null: no comparison.
    /// </summary>
    public double? MaxBelowReference { get; init; }

    /// <summary>output-files: the provided program's source folder relative to the course root, e.g. <c>reference/NeuralNetCli</c>.</summary>
    public string? Program { get; init; }

    /// <summary>output-files: the program's entry, <c>Namespace.Type.Method</c> taking string[] (e.g. <c>NeuralNetCli.Program.Main</c>).</summary>
    public string? Entry { get; init; }

    /// <summary>output-files: input file name to its source relative to the course root (e.g. <c>tinyTrain.csv: data/hw5/tinyTrain.csv</c>).</summary>
    public Dictionary<string, string>? Inputs { get; init; }

    /// <summary>output-files: output file name to how it is compared: <c>exact</c> (text) or <c>numbers</c> (text equal, numbers within atol/rtol).</summary>
    public Dictionary<string, string>? Outputs { get; init; }

    /// <summary>Closures (name to body) the worker builds itself where a method wants a <c>Func&lt;T&gt;</c>; <c>$name</c> passes one.</summary>
    public Dictionary<string, List<CallSpec>>? Functions { get; init; }
}
