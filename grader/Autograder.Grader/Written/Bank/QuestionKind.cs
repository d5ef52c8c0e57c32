namespace Autograder.Grader.Written.Bank;

/// <summary>How a written question is answered and checked.</summary>
public enum QuestionKind
{
    /// <summary>An expression over the question's variables, compared with the reference at random bindings.</summary>
    Expression,

    /// <summary>A number (or an arithmetic expression without variables, e.g. <c>128*784 + 128</c>).</summary>
    Number,

    /// <summary>A shape written as <c>HxW</c>, e.g. <c>3x2</c>.</summary>
    Shape,

    /// <summary>A set of option ids ("select all that apply", or exactly one when single).</summary>
    Choice,

    /// <summary>Weights <c>w</c> and bias <c>b</c> of a linear threshold neuron, checked on its whole truth table.</summary>
    Neuron,

    /// <summary>Proofs, essays, plots: listed for the instructor, 0 automatic points.</summary>
    Manual,
}
