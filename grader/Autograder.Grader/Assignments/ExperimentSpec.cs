namespace Autograder.Grader.Assignments;

/// <summary>One experiment of an assignment: a training run with its config and the log it writes.</summary>
/// <param name="Name">the run's name as the handout gives it, e.g. <c>MLP_lr0.01_b5</c>; the log is <c>&lt;Name&gt;.json</c></param>
/// <param name="Config">the run's YAML config, relative to the repository root; copied into the kit's <c>experiments/</c></param>
/// <param name="Description">one line for the student README</param>
public sealed record ExperimentSpec(string Name, string Config, string Description);
