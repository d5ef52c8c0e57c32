using System.Diagnostics;
using Autograder.Grader.Execution;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;

namespace Autograder.Grader.Checks;

/// <summary>
/// Runs one check's cases and condenses them into a <see cref="CheckResult"/>: the count of passing
/// cases (for partial credit) and the first problem as the message. A TODO stub, a hang, a crash or
/// an out-of-memory ends the check early (the remaining cases count as failed); a mistake in the
/// rubric or reference is reported as such, never blamed on the student.
/// </summary>
internal static class CheckRunner
{
    public static CheckResult Run(CheckSpec spec, IExecutor reference, IExecutor student, GradingEnvironment environment, Action<string>? graderProblem = null)
    {
        var kind = CheckRegistry.Get(spec.Kind);
        var context = new CheckContext(reference, student, spec, environment);
        var total = kind.CaseCount(spec);
        var passed = 0;
        CheckOutcome? first = null;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            context.CaseSeed = Inputs.CaseSeed(environment.Seed, environment.ItemId, environment.CheckIndex, i);
            context.Inline.Clear();
            context.Functions.Clear();
            context.Sent.Clear();
            context.Hints.Clear();
            var stop = false;
            try
            {
                kind.RunCase(context, i);
                passed++;
            }
            catch (CheckFailure ex)
            {
                first ??= new Failed(total > 1 ? $"case {i + 1} of {total}: {ex.Message}" : ex.Message);
            }
            catch (NotSubmitted ex)
            {
                first ??= new NotImplemented($"not implemented yet: {ex.Message}");
                stop = true;
            }
            catch (StudentFault ex)
            {
                var outcome = ex.ToOutcome();
                first ??= outcome;
                stop = outcome is NotImplemented;
            }
            catch (WorkerFailure ex)
            {
                first ??= CheckOutcome.Of(ex.Status, ex.Message);
                stop = true;
            }
            catch (RubricError ex)
            {
                graderProblem?.Invoke($"{environment.ItemId}/{spec.Name ?? spec.Kind}: {ex.Message}");
                first ??= new Failed($"the grader could not run this check ({ex.Message}); this is not your fault, tell the course staff");
                stop = true;
            }

            if (stop)
            {
                break;
            }
        }

        var name = spec.Name ?? $"{spec.Kind}{(spec.Type is { } t ? $" {t.Split('.').Last()}" : "")}";
        var message = first?.Message ?? (total == 1 ? "passed" : $"all {total} cases passed");
        var final = first ?? new Passed(message);
        if (context.Warnings.Count > 0)
        {
            var warned = $"{final.Message}; {string.Join("; ", context.Warnings)}";
            final = final is NotImplemented stub ? stub with { Text = warned } : CheckOutcome.Of(final.Status, warned);
        }
        return new CheckResult(name, spec.Kind, final, passed, total, clock.Elapsed.TotalMilliseconds, context.Output is { } output ? Results.TextLimit.Cut(output) : null);
    }
}
