namespace NeuralNet;

/// <summary>Which micro-kernel family the matrix product runs on.</summary>
internal enum GemmIsa
{
    /// <summary>Row-at-a-time AXPY through TensorPrimitives: any CPU (ARM, or x64 without FMA).</summary>
    Portable,

    /// <summary>6 x 8 register tiles of Vector256 with FMA3 (x64 since Haswell / Zen 1).</summary>
    Avx2,

    /// <summary>12 x 16 register tiles of Vector512 with AVX-512F FMA (6 x 32 for batches of up to 6 rows).</summary>
    Avx512,
}
