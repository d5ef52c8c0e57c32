using NeuralNet.Layers;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: Dropout.Forward keeps each entry with probability 1 - r and scales it by 1 / (1 - r).</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void Forward_KeepsAboutOneMinusRateAndScales() => Check.Run(() =>
    {
        var dropout = new Dropout(0.25, new Rng(5));
        var x = Tensor.Ones(50, 40);

        var y = dropout.Forward(x);

        Expect.That(dropout.Mask is not null, "Dropout.Forward must set Mask (the backward pass reads it)");
        var values = y.ToArray();
        Expect.That(values.All(v => v == 0.0 || Math.Abs(v - 1 / 0.75) < 1e-12), "Dropout.Forward(ones): every output must be 0 or 1 / (1 - r) = 1.3333");
        // 2,000 entries: the kept fraction is within 0.05 of 1 - r = 0.75 (about 5 standard deviations).
        Expect.Between("fraction of kept entries", 0.70, 0.80, values.Count(v => v != 0.0) / (double)values.Length);
        Expect.Close("Dropout.Forward output vs x * Mask", x * dropout.Mask!, y);
    });

    [Fact]
    public void Forward_InEvaluation_IsIdentity() => Check.Run(() =>
    {
        var dropout = new Dropout(0.5, new Rng(5)) { Training = false };
        var x = Tensor.RandomNormal([3, 4], 0, 1, new Rng(6));

        Expect.Close("Dropout.Forward with Training = false", x, dropout.Forward(x));
    });
}
