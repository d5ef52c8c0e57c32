namespace Autograder.Tests.Grader;

/// <summary>The fake course library's own files (on top of the real NeuralNet.Core): an affine layer, ReLU and SGD with solution regions.</summary>
internal static class FakeCourseSources
{
    public const string Affine = """
        namespace NeuralNet.Layers;

        public sealed class Affine : Module
        {
            private readonly Parameter _w;
            private readonly Parameter _b;

            public Affine(int inD, int outD, Rng rng)
            {
                // TASK(affine.init): W and b from N(0, 0.1); gradients zero.
                // BEGIN SOLUTION affine.init
                _w = new Parameter("W", Tensor.RandomNormal([inD, outD], 0.0, 0.1, rng));
                _b = new Parameter("b", Tensor.RandomNormal([1, outD], 0.0, 0.1, rng));
                // END SOLUTION
            }

            public override IReadOnlyList<Parameter> Parameters => [_w, _b];

            public override Tensor Forward(Tensor x)
            {
                // TASK(affine.forward): x W + b
                // BEGIN SOLUTION affine.forward
                return x.MatMul(_w.Value) + _b.Value;
                // END SOLUTION
            }

            public override Tensor Backward(Tensor x, Tensor gradOutput)
            {
                // TASK(affine.backward): dW, db and dx
                // BEGIN SOLUTION affine.backward
                _w.Grad = x.T.MatMul(gradOutput);
                _b.Grad = gradOutput.Sum(0, keepDims: true);
                return gradOutput.MatMul(_w.Value.T);
                // END SOLUTION
            }
        }
        """;

    public const string Relu = """
        namespace NeuralNet.Layers;

        public sealed class Relu : Module
        {
            public override Tensor Forward(Tensor x)
            {
                // TASK(relu.forward): max(0, x)
                // BEGIN SOLUTION relu.forward
                return x * (x > 0.0);
                // END SOLUTION
            }

            public override Tensor Backward(Tensor x, Tensor gradOutput)
            {
                // TASK(relu.backward): pass the gradient where x > 0
                // BEGIN SOLUTION relu.backward
                return gradOutput * (x > 0.0);
                // END SOLUTION
            }
        }
        """;

    public const string Sgd = """
        using NeuralNet.Layers;

        namespace NeuralNet.Optimizers;

        public static class Sgd
        {
            public static void Step(IReadOnlyList<Parameter> parameters, double learningRate)
            {
                // TASK(sgd.step): w <- w - lr * grad
                // BEGIN SOLUTION sgd.step
                foreach (var p in parameters)
                {
                    p.Value.AddInPlace(p.Grad, -learningRate);
                }
                // END SOLUTION
            }
        }
        """;

    public const string Rubric = """
        assignment: fake-course
        title: Fake course for the grader's own tests
        policy:
          allow_console_write: true
        logs: [run.json]
        items:
          - id: "1"
            title: Affine layer
            points: 6
            parts: [affine.init, affine.forward, affine.backward]
            checks:
              - kind: init
                type: NeuralNet.Layers.Affine
                args: [200, 50, rng]
                params:
                  W: {mean: 0, std: 0.1, tolerance: 0.01}
                  b: {mean: 0, std: 0.1, tolerance: 0.05}
              - kind: forward
                type: NeuralNet.Layers.Affine
                args: [5, 3, rng]
                input: [4, 5]
              - kind: backward
                type: NeuralNet.Layers.Affine
                args: [5, 3, rng]
                input: [4, 5]
              - kind: gradcheck
                type: NeuralNet.Layers.Affine
                args: [3, 2, rng]
                input: [2, 3]
                cases: 1
          - id: "2"
            title: ReLU
            points: 4
            parts: [relu.forward, relu.backward]
            deductions:
              prints_output: all
            checks:
              - kind: forward
                type: NeuralNet.Layers.Relu
                input: [4, 6]
                include_zeros: true
              - kind: backward
                type: NeuralNet.Layers.Relu
                input: [4, 6]
                include_zeros: true
          - id: "3"
            title: SGD
            points: 2
            parts: [sgd.step]
            partial_credit: all_or_nothing
            checks:
              - kind: optimizer
                type: NeuralNet.Layers.Affine
                args: [3, 2, rng]
                method_type: NeuralNet.Optimizers.Sgd
                method: Step
                method_args: [$ps, 0.1]
                steps: 2
                cases: 2
          - id: "4"
            title: Training log
            points: 2
            checks:
              - kind: training-log
                file: run.json
                schema: schemas/training-log.schema.json
                min_entries: 2
        """;

    public const string LogSchema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "required": ["train_acc", "epochs"],
          "properties": {
            "epochs": {"type": "integer", "minimum": 1},
            "train_acc": {"type": "array", "items": {"type": "number"}}
          }
        }
        """;

    /// <summary>A provided program (like HW5's neuralnet): reads numbers, applies the student's ReLU, writes a label file and a metrics file.</summary>
    public const string Program = """
        using System.Globalization;
        using NeuralNet;
        using NeuralNet.Layers;

        namespace FakeProgram;

        internal static class Program
        {
            private static int Main(string[] args)
            {
                if (args.Length != 3)
                {
                    Console.Error.WriteLine("usage: program <input> <labels_out> <metrics_out>");
                    return 2;
                }

                var values = File.ReadAllLines(args[0]).Where(l => l.Length > 0).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
                var h = new Relu().Forward(Tensor.FromArray(values, 1, values.Length)).ToArray();
                File.WriteAllText(args[1], string.Concat(h.Select(v => (v > 0 ? "1" : "0") + "\n")));
                File.WriteAllText(args[2], $"sum: {h.Sum().ToString("R", CultureInfo.InvariantCulture)}\nmax: {h.Max().ToString("R", CultureInfo.InvariantCulture)}\n");
                return 0;
            }
        }
        """;
}
