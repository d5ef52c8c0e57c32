namespace Autograder.Grader.Assignments;

/// <summary>The texts <see cref="AssignmentScaffold"/> writes; {{ID}}, {{TYPE}}, {{PREFIX}} and {{TITLE}} are filled in.</summary>
public static partial class AssignmentScaffold
{
    private const string DenseSource = """
        using NeuralNet.Layers;

        namespace NeuralNet.Models.{{TYPE}};

        /// <summary>
        /// {{TITLE}}: the example layer `autograder new` wrote (rename it, change it, or replace it with your own): a fully
        /// connected layer without bias, y = x W, with W drawn from N(0, 0.01²). Each <c>TASK</c> line is what students see
        /// as their TODO; write the reference solution inside the marked region below it.
        /// </summary>
        public sealed class {{TYPE}}Dense : Module
        {
            /// <summary>Creates the layer with freshly drawn weights.</summary>
            /// <param name="inputs">D, features per example</param>
            /// <param name="outputs">K, outputs per example</param>
            /// <param name="rng">the seeded generator for W</param>
            public {{TYPE}}Dense(int inputs, int outputs, Rng rng)
            {
                ArgumentNullException.ThrowIfNull(rng);
                // TASK({{PREFIX}}.dense.init): W = Tensor.RandomNormal([inputs, outputs], 0.0, 0.01, rng), as a Parameter named "W".
                // BEGIN SOLUTION {{PREFIX}}.dense.init
                throw new NotImplementedException("the reference solution of {{PREFIX}}.dense.init is not written yet (reference/NeuralNet/Models/{{TYPE}}/{{TYPE}}Dense.cs)");
                // END SOLUTION
            }

            /// <summary>The weights, shape (D, K).</summary>
            public Parameter W { get; private set; } = null!;

            /// <inheritdoc />
            public override IReadOnlyList<Parameter> Parameters => [W];

            /// <param name="x">inputs, shape (N, D)</param>
            /// <returns>x W, shape (N, K)</returns>
            public override Tensor Forward(Tensor x)
            {
                // TASK({{PREFIX}}.dense.forward): return x·W, shape (N, K).
                // BEGIN SOLUTION {{PREFIX}}.dense.forward
                throw new NotImplementedException("the reference solution of {{PREFIX}}.dense.forward is not written yet (reference/NeuralNet/Models/{{TYPE}}/{{TYPE}}Dense.cs)");
                // END SOLUTION
            }

            /// <param name="x">the forward input, shape (N, D)</param>
            /// <param name="gradOutput">dL/dy, shape (N, K)</param>
            /// <returns>dL/dx, shape (N, D); W.Grad is set to dL/dW (D, K)</returns>
            public override Tensor Backward(Tensor x, Tensor gradOutput)
            {
                // TASK({{PREFIX}}.dense.backward): store W.Grad = xᵀ·gradOutput (D, K) (assign, do not add); return gradOutput·Wᵀ (N, D).
                // BEGIN SOLUTION {{PREFIX}}.dense.backward
                throw new NotImplementedException("the reference solution of {{PREFIX}}.dense.backward is not written yet (reference/NeuralNet/Models/{{TYPE}}/{{TYPE}}Dense.cs)");
                // END SOLUTION
            }
        }

        """;

    private const string ModuleSource = """
        using NeuralNet.Experiments;
        using NeuralNet.Training;

        [assembly: CourseModule(typeof(NeuralNet.Models.{{TYPE}}.{{TYPE}}Module))]

        namespace NeuralNet.Models.{{TYPE}};

        /// <summary>{{TITLE}}: what experiments can name from this module (model.type "{{ID}}-example").</summary>
        public sealed class {{TYPE}}Module : ICourseModule
        {
            /// <inheritdoc />
            public void Register(CourseCatalog catalog)
            {
                ArgumentNullException.ThrowIfNull(catalog);

                // Softmax regression with the example layer: the training loop adds the softmax cross-entropy.
                catalog.AddModel("{{ID}}-example", (_, rng, inputDim, classes) => new LayerChain([new {{TYPE}}Dense(inputDim, classes, rng)]));
            }
        }

        """;

    private const string ReadmeSource = """
        # {{TITLE}} (module `{{ID}}`)

        Scaffolded by `autograder new {{ID}}`. Next steps (docs/authoring.md has the whole walk-through):

        1. Write the reference solution in `{{TYPE}}Dense.cs` inside each marked solution region, or replace the
           example layer with your own parts (each part: a `// TASK(<part>): <instruction>` line, then the marked region).
        2. Adjust `rubrics/{{ID}}.assignment.yaml` (parts, files, data, public checks) and `rubrics/{{ID}}.rubric.yaml`
           (items, points, checks), and the kit's public checks in `grader/KitTemplate/checks/{{PREFIX}}.dense.*.cs`.
        3. `autograder check-rubric --assignment {{ID}}`: the reference must get full marks and the kit zero.
        4. `autograder release {{ID}}`: writes the starter kit to `skeleton/{{ID}}/`.
        5. `autograder grade <submission> --assignment {{ID}}` for one submission, `autograder batch` for a class.

        """;

    private const string ProfileSource = """
        # {{TITLE}}: scaffolded by `autograder new {{ID}}` (docs/authoring.md). The kit ships NeuralNet.Core compiled and the
        # sources of the modules listed here; students edit and submit the files.
        id: {{ID}}
        title: "{{TITLE}}"
        modules: [{{ID}}]
        parts: [{{PREFIX}}.dense.init, {{PREFIX}}.dense.forward, {{PREFIX}}.dense.backward]
        files: [Models/{{TYPE}}/{{TYPE}}Dense.cs]
        data: [mnist]
        submission: {{ID}}_submission.zip
        public_checks:
          - { part: {{PREFIX}}.dense.init, item: "init", points: 1 }
          - { part: {{PREFIX}}.dense.forward, item: "forward", points: 2 }
          - { part: {{PREFIX}}.dense.backward, item: "backward", points: 3 }

        """;

    private const string RubricSource = """
        # {{TITLE}}: scaffolded by `autograder new {{ID}}`, one example item per kind of check a layer is graded by. More kinds
        # (function, model, optimizer, training-log, output-files, written) are used by the course's other rubrics (docs/authoring.md
        # shows an optimizer check). Prove the rubric with `autograder check-rubric --assignment {{ID}}`.
        assignment: {{ID}}
        title: "{{TITLE}}"
        limits:
          call_timeout_seconds: 10
          memory_mb: 1024
        items:
          - id: "init"
            title: "W ~ N(0, 0.01), gradient zero"
            points: 1
            parts: [{{PREFIX}}.dense.init]
            checks:
              - kind: init
                name: "init: W ~ N(0, 0.01)"
                type: NeuralNet.Models.{{TYPE}}.{{TYPE}}Dense
                args: [300, 100, rng]
                cases: 3
                params:
                  W: {mean: 0, std: 0.01, tolerance: 0.001}
          - id: "forward"
            title: "forward: y = x W"
            points: 2
            parts: [{{PREFIX}}.dense.forward]
            checks:
              - kind: forward
                name: "forward: x W"
                type: NeuralNet.Models.{{TYPE}}.{{TYPE}}Dense
                args: [7, 5, rng]
                input: [4, 7]
                cases: 3
          - id: "backward"
            title: "backward: dW = xᵀ g, dx = g Wᵀ"
            points: 3
            parts: [{{PREFIX}}.dense.backward]
            checks:
              - kind: backward
                name: "backward: dx, dW"
                type: NeuralNet.Models.{{TYPE}}.{{TYPE}}Dense
                args: [7, 5, rng]
                input: [4, 7]
                cases: 3
              - kind: gradcheck
                name: "backward agrees with central differences"
                type: NeuralNet.Models.{{TYPE}}.{{TYPE}}Dense
                args: [4, 3, rng]
                input: [2, 4]
                cases: 1
                max_rel_error: 1.0e-4
          - id: "learns"
            title: "the layer learns MNIST as softmax regression"
            points: 4
            parts: [{{PREFIX}}.dense.init, {{PREFIX}}.dense.forward, {{PREFIX}}.dense.backward]
            partial_credit: all_or_nothing
            checks:
              - kind: accuracy
                name: "test accuracy after 2 epochs of SGD (lr 0.5, batch 32) on 6,400 images"
                data: {dataset: mnist, train: 6400, test: 1000}
                setup:
                  - {new: NeuralNet.Models.{{TYPE}}.{{TYPE}}Dense, args: [784, 10, rng], bind: m}
                  - {new: NeuralNet.Losses.SoftmaxCrossEntropy, bind: loss}
                  - {get: $m.W, bind: pw}
                step:
                  - {call: $train_x.Rows, args: [$idx], bind: xb}
                  - {call: $m.Forward, args: [$xb], bind: s}
                  - {call: $loss.Backward, args: [$s, $yb], bind: ds}
                  - {call: $m.Backward, args: [$xb, $ds]}
                  - {get: $pw.Grad, bind: g}
                  - {get: $pw.Value, bind: w}
                  - {call: $w.AddInPlace, args: [$g, -0.5]}
                predict:
                  - {call: $m.Forward, args: [$test_x]}
                epochs: 2
                batch_size: 32
                min_accuracy: 0.75
                timeout_seconds: 120
                step_timeout_seconds: 10

        """;

    private const string InitCheckSource = """
        using NeuralNet.Models.{{TYPE}};

        namespace PublicTests.Checks;

        /// <summary>Public check {{ITEM}}, part {{PART}}: W (D, K) is drawn from N(0, 0.01²) and its gradient starts at zero.</summary>
        [Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
        public sealed class {{CLASS}}
        {
            [Fact]
            public void Init_DrawsFromNormalWithStd001() => Check.Run(() =>
            {
                var layer = new {{TYPE}}Dense(200, 100, new Rng(3));

                Expect.That(layer.W.Value.Shape.SequenceEqual([200, 100]), $"W: expected shape (200, 100), got {Expect.Shape(layer.W.Value.Shape)}");
                Expect.Between("mean of W", -0.0005, 0.0005, layer.W.Value.Mean());
                Expect.Between("std of W", 0.0095, 0.0105, Math.Sqrt(layer.W.Value.Square().Mean() - Math.Pow(layer.W.Value.Mean(), 2)));
                Expect.Close("W.Grad before any backward pass", Tensor.Zeros(200, 100), layer.W.Grad);
            });
        }

        """;

    private const string ForwardCheckSource = """
        using NeuralNet.Models.{{TYPE}};

        namespace PublicTests.Checks;

        /// <summary>Public check {{ITEM}}, part {{PART}}: Forward(x) is x·W.</summary>
        [Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
        public sealed class {{CLASS}}
        {
            [Fact]
            public void Forward_IsXTimesW() => Check.Run(() =>
            {
                var rng = new Rng(5);
                var layer = new {{TYPE}}Dense(7, 5, rng);
                var x = Tensor.RandomNormal([4, 7], 0.0, 1.0, rng);

                Expect.Close("Forward(x), x (4, 7)", x.MatMul(layer.W.Value), layer.Forward(x));
            });
        }

        """;

    private const string BackwardCheckSource = """
        using NeuralNet.Models.{{TYPE}};

        namespace PublicTests.Checks;

        /// <summary>Public check {{ITEM}}, part {{PART}}: Backward's dL/dx and W.Grad agree with central differences of L = sum(Forward(x) * g).</summary>
        [Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
        public sealed class {{CLASS}}
        {
            [Fact]
            public void Backward_AgreesWithCentralDifferences() => Check.Run(() =>
            {
                var rng = new Rng(7);
                var layer = new {{TYPE}}Dense(4, 3, rng);
                var x = Tensor.RandomNormal([2, 4], 0.0, 1.0, rng);
                var g = Tensor.RandomNormal([2, 3], 0.0, 1.0, rng);
                double Loss() => (layer.Forward(x) * g).Sum();

                var dx = layer.Backward(x, g);

                Expect.Close("dL/dx returned by Backward", Numeric(Loss, x), dx, rtol: 1e-5, atol: 1e-7);
                Expect.Close("W.Grad after Backward", Numeric(Loss, layer.W.Value), layer.W.Grad, rtol: 1e-5, atol: 1e-7);
            });

            private static Tensor Numeric(Func<double> f, Tensor t)
            {
                const double eps = 1e-5;
                var grad = new double[t.Size];
                var values = t.ToArray();
                for (var i = 0; i < values.Length; i++)
                {
                    t.AsSpan()[i] = values[i] + eps;
                    var plus = f();
                    t.AsSpan()[i] = values[i] - eps;
                    var minus = f();
                    t.AsSpan()[i] = values[i];
                    grad[i] = (plus - minus) / (2 * eps);
                }

                return Tensor.FromArray(grad, t.Shape);
            }
        }

        """;
}
