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
        var total = kind.CaseCount(spec);
        var warnings = new SortedSet<string>(StringComparer.Ordinal);
        var output = new System.Text.StringBuilder();
        var passed = 0;
        CheckOutcome? first = null;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            // Each case gets a fresh context (bindings, functions, hints, the student's CPU count): nothing a case
            // leaves behind can change the next one's outcome. Only warnings and printed output are collected.
            var context = new CheckContext(reference, student, spec, environment) { CaseSeed = Inputs.CaseSeed(environment.Seed, environment.ItemId, environment.CheckIndex, i) };
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

            warnings.UnionWith(context.Warnings);
            output.Append(context.Output);
            if (stop)
            {
                break;
            }
        }

        var name = spec.Name ?? $"{spec.Kind}{(spec.Type is { } t ? $" {t.Split('.').Last()}" : "")}";
        var message = first?.Message ?? PassedMessage(total);
        var final = first ?? new Passed(message);
        if (warnings.Count > 0)
        {
            var warned = $"{final.Message}; {string.Join("; ", warnings)}";
            final = final is NotImplemented stub ? stub with { Text = warned } : CheckOutcome.Of(final.Status, warned);
        }
        return new CheckResult(name, spec.Kind, final, passed, total, clock.Elapsed.TotalMilliseconds, output.Length > 0 ? Results.TextLimit.Cut(output.ToString()) : null);
    }

    /// <summary>The message of a check whose <paramref name="total"/> cases all passed.</summary>
    public static string PassedMessage(int total) => total == 1 ? "passed" : $"all {total} cases passed";
}
