namespace NeuralNet.Experiments;

/// <summary>The debugging checks run before training, raised so a front end can print them as HW3's screenshot shows.</summary>
/// <param name="Gradients">gradient checks (empty when not asked for)</param>
/// <param name="Magnitudes">magnitude checks (empty when not asked for)</param>
public sealed record ChecksReport(IReadOnlyList<GradientCheckLog> Gradients, IReadOnlyList<MagnitudeCheckLog> Magnitudes);
