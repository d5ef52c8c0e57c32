using NeuralNet.Models.Hw5;

namespace PublicTests.Checks;

/// <summary>Public check forward, part hw5.forward: the forward pass a = alpha x, z = [1; sigmoid(a)], b = beta z, yhat = softmax(b), J = -log yhat[y].</summary>
[Points("forward", 4, Part = "hw5.forward")]
public sealed class Hw5ForwardTests
{
    [Fact]
    public void Forward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("hw5.forward");
        var net = new Hw5Network(6, 4, 3, Hw5Init.Zero, new Rng(1));
        net.Alpha.Value.CopyFrom(f.Tensor("alpha"));
        net.Beta.Value.CopyFrom(f.Tensor("beta"));
        var y = (int)f.Scalar("y");

        var forward = net.Forward(f.Tensor("x"), y);

        Expect.Close("a = alpha·x (4, 1)", f.Tensor("a"), forward.A);
        Expect.Close("z = [1; sigmoid(a)] (5, 1)", f.Tensor("z"), forward.Z);
        Expect.Close("b = beta·z (3, 1)", f.Tensor("b"), forward.B);
        Expect.Close("yhat = softmax(b) (3, 1)", f.Tensor("yhat"), forward.YHat);
        Expect.Close("J = -log yhat[y]", f.Scalar("loss"), forward.Loss);
    });
}
