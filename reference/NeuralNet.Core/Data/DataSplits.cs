namespace NeuralNet.Data;

/// <summary>The three disjoint splits of a data set.</summary>
/// <param name="Train">training examples, X shape (N_train, D)</param>
/// <param name="Validation">validation examples for early stopping and model choice, X shape (N_val, D)</param>
/// <param name="Test">held-out test examples, X shape (N_test, D)</param>
public sealed record DataSplits(Dataset Train, Dataset Validation, Dataset Test);
