using Autograder.Grader.Written.Bank;

namespace Autograder.Tests.Written;

/// <summary>
/// Loading a bank checks the handouts' grading rules before any student is graded: a <c>carries_from</c> names an
/// earlier expression question and a binding students cannot name, that binding is that question's reference, and a
/// deduction's keys and pool are questions of its problem.
/// </summary>
public sealed class HandoutRulesBankTests
{
    private const string Problem = """
        problem: t.p1
        title: "Test problem"
        samples: 6
        min_per_case: 1
        bindings:
          let:
            x: Normal(0, 1)
            w: Normal(0, 1)
            g: 2*x
        questions:
          - id: t.p1.grad
            title: "1 gradient"
            kind: expression
            variables: [x]
            reference: "2*x"
            points: 2
          - id: t.p1.step
            title: "2 step"
            kind: expression
            variables: [w, x]
            reference: "w - g"
            carries_from: { t.p1.grad: g }
            points: 1
        """;

    [Fact]
    public void Load_CarriesFromAnEarlierAnswer_IsAccepted()
    {
        var bank = Load(Problem);
        Assert.Equal("g", bank.Questions[1].CarriesFrom["t.p1.grad"]);
    }

    [Fact]
    public void Load_CarriesFromALaterQuestion_IsRefused()
    {
        var yaml = Problem.Replace("reference: \"2*x\"", "reference: \"2*x\"\n    carries_from: { t.p1.step: g }", StringComparison.Ordinal);
        var error = Assert.Throws<QuestionBankException>(() => Load(yaml));
        Assert.Contains("'t.p1.step' is not an expression question before it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CarriedBindingStudentsCanName_IsRefused()
    {
        var yaml = Problem.Replace("variables: [w, x]", "variables: [w, x, g]", StringComparison.Ordinal);
        var error = Assert.Throws<QuestionBankException>(() => Load(yaml));
        Assert.Contains("'g' (for t.p1.grad) must be a binding of the problem that is not one of the question's variables", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CarriedBindingThatIsNotTheEarlierReference_IsRefused()
    {
        var yaml = Problem.Replace("g: 2*x", "g: 3*x", StringComparison.Ordinal);
        var error = Assert.Throws<QuestionBankException>(() => Load(yaml));
        Assert.Contains("binding 'g' stands for the answer to t.p1.grad (carries_from) but differs from its reference", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReferenceNamingABindingItDoesNotCarry_IsRefused()
    {
        var yaml = Problem.Replace("carries_from: { t.p1.grad: g }", "", StringComparison.Ordinal);
        Assert.Throws<QuestionBankException>(() => Load(yaml));
    }

    [Fact]
    public void Load_DeductionWithKeyOutsideItsPool_IsRefused()
    {
        var yaml = Problem + """

            deductions:
              - id: t.p1.wrong_step
                rule: "Deduct 1 point for stepping up the gradient."
                points: 1
                keys: { t.p1.step: ["w + g"] }
                from: [t.p1.grad]
            """;
        var error = Assert.Throws<QuestionBankException>(() => Load(yaml));
        Assert.Contains("deduction 't.p1.wrong_step': keys: 't.p1.step' must be an expression question listed in from", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DeductionWorthMoreThanItsPool_IsRefused()
    {
        var yaml = Problem + """

            deductions:
              - id: t.p1.wrong_step
                rule: "Deduct 2 points for stepping up the gradient."
                points: 2
                keys: { t.p1.step: ["w + g"] }
                from: [t.p1.step]
            """;
        var error = Assert.Throws<QuestionBankException>(() => Load(yaml));
        Assert.Contains("its 2 points are more than its from questions are worth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RepositoryBank_Hw3CarriesAndDeductsAsTheHandoutSays()
    {
        var bank = WrittenTestKit.Bank;
        Assert.Equal("dF", bank.Questions.Single(q => q.Id == "hw3.p1.sgd_update").CarriesFrom["hw3.p1.dFi_dwc"]);
        Assert.Equal("dF", bank.Questions.Single(q => q.Id == "hw3.p1.kernel_update").CarriesFrom["hw3.p1.dFi_dwc"]);
        foreach (var (update, gradient) in new[] { ("w1", "dw1"), ("w2", "dw2"), ("v1", "dv1"), ("v2", "dv2") })
        {
            Assert.Equal(gradient, bank.Questions.Single(q => q.Id == $"hw3.p2.update_{update}").CarriesFrom[$"hw3.p2.dl_d{update}"]);
        }

        var deduction = Assert.Single(bank.Problems.Single(p => p.Problem == "hw3.p2").Deductions);
        Assert.Equal(2, deduction.Points);
        Assert.Equal("Deduct 2 points if updating w_1/w_2 with the updated value of v_1/v_2.", deduction.Rule);
        // The pool is 2.3 (forward 4 + backward 4 points), where the handout lists the deduction.
        Assert.Equal(8, deduction.From.Sum(id => bank.Questions.Single(q => q.Id == id).Points), 9);
    }

    private static QuestionBank Load(string yaml) => QuestionBank.FromProblems([QuestionBank.Parse(yaml, "test.yaml")]);
}
