using Autograder.Grader.Checks;
using Autograder.Grader.Compilation;
using Autograder.Grader.Execution;
using Autograder.Grader.Intake;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;

namespace Autograder.Grader.Pipeline;

/// <summary>
/// Grades the automatic items of one submission against one student worker: an item whose file was
/// rejected, did not compile or broke the policy is blocked with that outcome; otherwise its checks run.
/// </summary>
internal sealed class ItemGrading(
    CourseLibrary library, IntakeResult intake, SubmissionBuild build, IExecutor reference, IExecutor student,
    string courseRoot, ulong seed, string scratchDirectory, List<string> messages, CarriedForward? carried = null)
{
    /// <summary>Checks of earlier items that ran out of time or memory in this grade, with the parts they judge.</summary>
    private readonly List<(string Item, string Check, IReadOnlyList<string> Parts, CheckStatus Status)> _limits = [];

    /// <summary>How many items scored with the reference in place of the student's other parts.</summary>
    public int Carried { get; private set; }

    /// <summary>Parts whose own checks did not pass in an item graded earlier (a check's <c>part:</c>, else the item's parts).</summary>
    private readonly HashSet<string> _failedParts = new(StringComparer.Ordinal);

    public ItemResult Grade(RubricItem item)
    {
        var result = GradeItem(item);
        if (!item.Composition)
        {
            for (var i = 0; i < result.Checks.Count && i < item.Checks.Count; i++)
            {
                if (result.Checks[i].Status != CheckStatus.Passed)
                {
                    _failedParts.UnionWith(item.Checks[i].Part is { } part ? [part] : item.Parts);
                }
            }
        }

        return result;
    }

    private ItemResult GradeItem(RubricItem item)
    {
        var files = item.Parts.Select(library.FileOf).OfType<string>().Distinct().ToList();
        var notes = files.Where(intake.Missing.Contains).Select(f => $"{f} was not in the submission").ToList();
        if (files.FirstOrDefault(intake.Rejected.ContainsKey) is { } rejected)
        {
            return ItemScorer.Score(item, ItemScorer.Blocked(item, new Failed($"{rejected} was not accepted: {intake.Rejected[rejected]}")), notes);
        }

        var compiled = build.Compiled;
        if (files.FirstOrDefault(compiled.FailedFiles.ContainsKey) is { } failed)
        {
            var errors = string.Join("\n", compiled.FailedFiles[failed].Take(5));
            return ItemScorer.Score(item, ItemScorer.Blocked(item, new CompileError($"{failed} does not compile:\n{errors}")), notes);
        }

        var violations = build.Violations.Where(v => files.Contains(v.File)).ToList();
        if (violations.Count > 0)
        {
            return ItemScorer.Score(item, ItemScorer.Blocked(item, new PolicyViolated(string.Join("\n", violations.Take(5)))), notes);
        }

        var referenceFirst = ReferenceFirst(item, files, notes);
        if (referenceFirst is { Passed: true } passed)
        {
            Carried++;
            return ItemScorer.Score(item, [.. passed.Checks.Select(c => Blame(item, c))], notes);
        }

        var firstRuns = new Dictionary<int, CheckResult>();
        var checks = Run(item, student, build.Compiled.AssemblyPath, scratchDirectory, (i, sofar) => CarryFirst(item, i, sofar, firstRuns, notes));
        for (var i = 0; i < checks.Count; i++)
        {
            if (checks[i].Status is CheckStatus.Timeout or CheckStatus.Oom)
            {
                _limits.Add((item.Id, item.Checks[i].Name ?? item.Checks[i].Kind, item.Checks[i].Part is { } part ? [part] : item.Parts, checks[i].Status));
            }
        }

        var carriedItem = Carried;
        var strict = Strict(item, checks, notes);
        if (strict is not null)
        {
            checks = strict;
        }

        // A check whose code reaches none of the types the carried-forward build changes would run the same code there
        // (TypeReach): its result is reused, and no build is made when that holds for every check.
        var differs = strict is null && NeedsCarrying(item, checks, files, intake.Missing) && carried is not null
            ? item.Checks.Select(check => carried.MayDiffer(item.Parts, check)).ToList()
            : null;
        if (differs is not null && differs.Contains(true) && carried!.For(item.Parts) is { } variant)
        {
            // The better of the two counts: the handouts' rule is that a mistake inherited from another part costs
            // nothing, and a student whose own parts only fit each other (a field that their forward caches for
            // their backward) must not lose what their whole code earns.
            var alone = referenceFirst?.Checks is { } first ? first : Run(item, variant.Worker, variant.AssemblyPath, variant.ScratchDirectory, (i, _) => differs[i] ? null : checks[i], carriedBuild: true);
            if (Earned(item, alone) > Earned(item, checks))
            {
                var other = string.Join(", ", variant.Swapped.Take(4)) + (variant.Swapped.Count > 4 ? ", ..." : "");
                notes.Add(alone.All(c => c.Status == CheckStatus.Passed)
                    ? $"error carried forward: this item passes with the reference in place of your other parts ({other}); with all of your code it failed: " +
                      $"{checks.First(c => c.Status != CheckStatus.Passed).Outcome.Message.ReplaceLineEndings(" ")}"
                    : $"error carried forward: graded with the reference in place of your other parts ({other}), which earns more here; only {string.Join(", ", item.Parts)} is judged; " +
                      $"with all of your code: {checks.First(c => c.Status != CheckStatus.Passed).Outcome.Message.ReplaceLineEndings(" ")}");
                checks = alone;
                Carried++;
            }
        }

        checks = CarryPerCheck(item, checks, notes, firstRuns, out var perCheck);
        if ((perCheck || firstRuns.Values.Any(r => r.Status == CheckStatus.Passed)) && Carried == carriedItem)
        {
            Carried++;
        }

        return ItemScorer.Score(item, [.. checks.Select(c => Blame(item, c))], notes);
    }

    /// <summary>
    /// Grade the part, when the student's other code is known to be wrong: a check that passed with all of the student's
    /// code while its code reaches a part that failed its own checks in an earlier item may pass only because two
    /// mistakes cancel (a backward pass that doubles the gradient it hands to a Linear layer whose backward halves it).
    /// Such checks are graded again where every part outside the item is the reference's, and that result counts, lower
    /// or not; a correct part passes there. Items that grade a composition, or whose own parts are still the kit's stubs,
    /// keep their own run.
    /// </summary>
    /// <returns>the item's checks with those re-graded, when that earns less than the student's own run; else null</returns>
    private List<CheckResult>? Strict(RubricItem item, List<CheckResult> checks, List<string> notes)
    {
        if (carried is null || item.Composition || item.Parts.Count == 0)
        {
            return null;
        }

        var suspect = _failedParts.Where(p => !item.Parts.Contains(p)).Order(StringComparer.Ordinal).ToList();
        if (suspect.Count == 0 || item.Parts.Any(carried.IsStub))
        {
            return null;
        }

        var relies = item.Checks.Select((spec, i) => checks[i].Status == CheckStatus.Passed && carried.Reaches(spec, suspect) && carried.MayDiffer(item.Parts, spec)).ToList();
        if (!relies.Contains(true) || carried.For(item.Parts) is not { } variant)
        {
            return null;
        }

        var alone = Run(item, variant.Worker, variant.AssemblyPath, variant.ScratchDirectory, (i, _) => relies[i] ? null : checks[i], carriedBuild: true);
        if (Earned(item, alone) >= Earned(item, checks))
        {
            return null;
        }

        // The note names only the failing parts those checks run.
        suspect = suspect.Where(p => Enumerable.Range(0, item.Checks.Count).Any(i => relies[i] && carried.Reaches(item.Checks[i], [p]))).ToList();

        notes.Add($"graded with the reference in place of your other parts ({OtherParts(item, variant)}): {string.Join(", ", suspect)} did not pass " +
            $"{(suspect.Count == 1 ? "its" : "their")} own checks, and with that code this item passed, which a mistake of its own can cancel out; " +
            $"only {string.Join(", ", item.Parts)} is judged here");
        return alone;
    }

    /// <summary>
    /// Grade the part: a failing check that judges one part of a several-part item (<see cref="Rubrics.CheckSpec.Part"/>:
    /// a layer's backward check calls its constructor and Forward first) runs again with the reference's code for every
    /// other part, the item's own included, unless that part is still the kit's stub or the splice cannot change the
    /// code it runs; the better result counts (a student whose forward caches what their backward reads keeps what
    /// their whole code earns).
    /// </summary>
    private List<CheckResult> CarryPerCheck(RubricItem item, List<CheckResult> checks, List<string> notes, Dictionary<int, CheckResult> firstRuns, out bool replaced)
    {
        replaced = false;
        if (carried is null || item.Composition || item.Parts.Count < 2)
        {
            return checks;
        }

        var result = checks;
        for (var i = 0; i < item.Checks.Count; i++)
        {
            var spec = item.Checks[i];
            if (spec.Part is not { } part || result[i].Status == CheckStatus.Passed
                || result[i].Outcome is NotImplemented { Part: var stubbed } && stubbed == part
                || !OthersFailed(item, result, part)
                || carried.IsStub(part) || !carried.MayDiffer([part], spec) || carried.For([part]) is not { } variant)
            {
                continue;
            }

            var alone = firstRuns.TryGetValue(i, out var earlier) ? earlier : RunAlone(item, i, variant);
            var candidate = new List<CheckResult>(result) { [i] = alone };
            if (Earned(item, candidate) > Earned(item, result))
            {
                notes.Add($"error carried forward: \"{spec.Name ?? spec.Kind}\" judges {part} alone and was graded with the reference in place of your other parts ({OtherParts(item, variant)}); " +
                    $"with all of your code it failed: {result[i].Outcome.Message.ReplaceLineEndings(" ")}");
                result = candidate;
                replaced = true;
            }
        }

        return result;
    }

    /// <summary>
    /// Grade the part, the reference's code first: when a check of another of the item's parts has already run out of
    /// time or memory in this grade, a check that judges one part runs first with the reference in place of the
    /// student's other parts, since with all of their code it would most likely wait out the same limit again (a
    /// forward that loops, called first by the backward check). When it passes there, that is the most the check can
    /// earn, and it is not run with all of the student's code; otherwise it runs as usual and the better counts
    /// (<see cref="CarryPerCheck"/> reuses this run).
    /// </summary>
    /// <returns>the check's result when it passed that way, else null (run it with all of the student's code)</returns>
    private CheckResult? CarryFirst(RubricItem item, int index, IReadOnlyList<CheckResult> sofar, Dictionary<int, CheckResult> firstRuns, List<string> notes)
    {
        var spec = item.Checks[index];
        if (carried is null || item.Composition || item.Parts.Count < 2 || spec.Part is not { } part)
        {
            return null;
        }

        var limit = Enumerable.Range(0, sofar.Count).FirstOrDefault(
            j => item.Checks[j].Part is { } other && other != part && sofar[j].Status is CheckStatus.Timeout or CheckStatus.Oom, -1);
        if (limit < 0 || carried.IsStub(part) || !carried.MayDiffer([part], spec) || carried.For([part]) is not { } variant)
        {
            return null;
        }

        var alone = firstRuns[index] = RunAlone(item, index, variant);
        if (alone.Status != CheckStatus.Passed)
        {
            return null;
        }

        var what = sofar[limit].Status == CheckStatus.Timeout ? "did not finish in time" : "ran out of memory";
        notes.Add($"error carried forward: \"{spec.Name ?? spec.Kind}\" judges {part} alone and passes with the reference in place of your other parts ({OtherParts(item, variant)}); " +
            $"it was not run with all of your code: \"{item.Checks[limit].Name ?? item.Checks[limit].Kind}\" ({item.Checks[limit].Part}) {what}, and run with it this check would most likely wait out the same limit");
        return alone;
    }

    /// <summary>
    /// Grade the part, the reference's code first, across items: once a check of another item has run out of time or
    /// memory in this grade (a forward that loops), an item whose checks call that part's code runs first with the
    /// reference in place of the student's other parts, since with all of their code it would most likely wait out the
    /// same limit again (HW3 3.1.4 runs the student's forward pass before their backward pass). When every check passes
    /// there, that is the most the item can earn under error carried forward, and it is not run with all of the
    /// student's code; otherwise it runs as usual and this run serves as its carried-forward run.
    /// </summary>
    /// <returns>the item's checks with the reference's other parts, or null when the rule does not apply</returns>
    private (List<CheckResult> Checks, bool Passed)? ReferenceFirst(RubricItem item, IReadOnlyCollection<string> files, List<string> notes)
    {
        if (carried is null || item.Composition || item.Parts.Count == 0 || (files.Count > 0 && files.All(intake.Missing.Contains)))
        {
            return null;
        }

        // A limit hit by an item without parts (a log's re-run) names no code to steer around; such items keep the usual order.
        var elsewhere = _limits.Where(l => l.Parts.Count > 0 && l.Item != item.Id && !l.Parts.Any(item.Parts.Contains)).ToList();
        var limit = elsewhere.FirstOrDefault(l => item.Checks.Any(check => carried.Reaches(check, l.Parts)));
        if (limit.Item is null || item.Parts.Any(carried.IsStub)
            || !item.Checks.Any(check => carried.MayDiffer(item.Parts, check)) || carried.For(item.Parts) is not { } variant)
        {
            return null;
        }

        var alone = Run(item, variant.Worker, variant.AssemblyPath, variant.ScratchDirectory, carriedBuild: true);
        if (alone.Any(c => c.Status != CheckStatus.Passed))
        {
            return (alone, false);
        }

        var what = limit.Status == CheckStatus.Timeout ? "did not finish in time" : "ran out of memory";
        notes.Add($"error carried forward: graded with the reference in place of your other parts ({OtherParts(item, variant)}), where it passes; " +
            $"it was not run with all of your code: \"{limit.Check}\" of item {limit.Item} ({string.Join(", ", limit.Parts)}) {what} earlier in this grade, " +
            "and this item's checks call that code, so run with it they would most likely wait out the same limit");
        return (alone, true);
    }

    private CheckResult RunAlone(RubricItem item, int index, CarriedForward.Variant variant)
    {
        var environment = new GradingEnvironment(courseRoot, item.Id, index, seed, intake.Logs, variant.ScratchDirectory, variant.AssemblyPath);
        return Withheld(CheckRunner.Run(item.Checks[index], reference, variant.Worker, environment, messages.Add));
    }

    /// <summary>
    /// A check's result from a carried-forward build, as the student may see it: its status, cases and time, with a
    /// message the grader writes. That build holds the reference's solution of the student's other parts, and the
    /// student's code running beside it could read it (assume it runs arbitrary code: the policy is a lint), so nothing
    /// that code answered there is shown: not its exception texts, not the values it returned, not what it printed.
    /// The student's own run, with all of their code, keeps its full message (the notes quote it).
    /// </summary>
    private CheckResult Withheld(CheckResult result)
    {
        var cases = result.CasesTotal > 1 ? $" ({result.CasesPassed} of {result.CasesTotal} cases passed)" : "";
        var outcome = result.Outcome switch
        {
            Passed => new Passed(CheckRunner.PassedMessage(result.CasesTotal)),
            NotImplemented { Part: { } part } when library.FileOf(part) is not null => new NotImplemented($"not implemented yet: TODO({part})") { Part = part },
            var other => CheckOutcome.Of(other.Status,
                $"{Describe(other.Status)} with the reference in place of your other parts{cases}; what your code answered in that run is not shown, " +
                "since that run held the reference's solution of your other parts"),
        };
        return result with { Outcome = outcome, Output = null };
    }

    private static string Describe(CheckStatus status) => status switch
    {
        CheckStatus.Timeout => "did not finish in time",
        CheckStatus.Oom => "ran out of memory",
        CheckStatus.Crashed => "crashed",
        CheckStatus.NotImplemented => "reached a part that is not implemented yet",
        _ => "failed",
    };

    /// <summary>The parts a carried-forward variant swapped: the item's own by name (the forward a backward check called), the rest counted.</summary>
    private static string OtherParts(RubricItem item, CarriedForward.Variant variant)
    {
        var own = variant.Swapped.Where(s => item.Parts.Any(p => s.StartsWith(p + " ", StringComparison.Ordinal))).ToList();
        var outside = variant.Swapped.Count - own.Count;
        return own.Count == 0
            ? string.Join(", ", variant.Swapped.Take(4)) + (variant.Swapped.Count > 4 ? ", ..." : "")
            : string.Join(", ", own) + (outside > 0 ? $", and {outside} part(s) outside this item" : "");
    }

    /// <summary>
    /// Whether a check of another of the item's parts failed (or that part has no check): only then can the student's
    /// other code be what failed this one. When their forward and init pass their own checks, a failing backward check
    /// is the backward's, and no build is made for it.
    /// </summary>
    private static bool OthersFailed(RubricItem item, List<CheckResult> results, string part) =>
        item.Parts.Where(p => p != part).Any(other =>
        {
            var own = Enumerable.Range(0, item.Checks.Count).Where(i => item.Checks[i].Part == other).ToList();
            return own.Count == 0 || own.Any(i => results[i].Status != CheckStatus.Passed);
        });

    /// <summary>The points a list of check results earns on the item (before rubric-wide deductions).</summary>
    private static double Earned(RubricItem item, List<CheckResult> checks) => ItemScorer.Score(item, checks, []).Points;

    /// <summary>Runs the item's checks on <paramref name="worker"/>; a check <paramref name="known"/> answers for is not run.</summary>
    /// <param name="item">the rubric item</param>
    /// <param name="worker">the student's worker, or a carried-forward build's</param>
    /// <param name="assemblyPath">the build the worker runs</param>
    /// <param name="scratch">the worker's scratch folder</param>
    /// <param name="known">a check's result already known (by index and the results so far), or null to run it</param>
    /// <param name="carriedBuild">the worker runs a carried-forward build: what it answers is <see cref="Withheld"/></param>
    private List<CheckResult> Run(RubricItem item, IExecutor worker, string? assemblyPath, string scratch, Func<int, IReadOnlyList<CheckResult>, CheckResult?>? known = null, bool carriedBuild = false)
    {
        var checks = new List<CheckResult>();
        for (var i = 0; i < item.Checks.Count; i++)
        {
            if (known?.Invoke(i, checks) is { } result)
            {
                checks.Add(result);
                continue;
            }

            var environment = new GradingEnvironment(courseRoot, item.Id, i, seed, intake.Logs, scratch, assemblyPath);
            var ran = CheckRunner.Run(item.Checks[i], reference, worker, environment, messages.Add);
            checks.Add(carriedBuild ? Withheld(ran) : ran);
        }

        return checks;
    }

    /// <summary>
    /// A failing item that grades parts is graded again with the reference for every other part, unless it grades a
    /// composition or its own part is still the kit's stub (then nothing else can be to blame): the stub it ran into,
    /// or every file holding its parts missing from the submission (those parts are the kit's stubs in any build, so
    /// the build would change nothing; a missing Transformer/Head.cs made two builds and two workers per grade).
    /// </summary>
    /// <param name="item">the rubric item</param>
    /// <param name="checks">its checks' results with all of the student's code</param>
    /// <param name="files">the files holding the item's parts</param>
    /// <param name="missing">the assignment files the submission lacks</param>
    internal static bool NeedsCarrying(RubricItem item, List<CheckResult> checks, IReadOnlyCollection<string> files, IReadOnlyCollection<string> missing)
    {
        if (item.Parts.Count == 0 || item.Composition || checks.FirstOrDefault(c => c.Status != CheckStatus.Passed) is not { } first)
        {
            return false;
        }

        if (files.Count > 0 && files.All(missing.Contains))
        {
            return false;
        }

        return first.Outcome is NotImplemented stub ? stub.Part is { } part && !item.Parts.Contains(part) : true;
    }

    /// <summary>
    /// A check that ran into the kit stub of a part this item does not grade, in a file that did not compile
    /// or broke the policy, says so: "not implemented yet: TODO(linear.init)" would send the student to the wrong place.
    /// </summary>
    private CheckResult Blame(RubricItem item, CheckResult check)
    {
        if (check.Outcome is not NotImplemented { Part: { } part } || item.Parts.Contains(part) || library.FileOf(part) is not { } file)
        {
            return check;
        }

        if (build.Compiled.FailedFiles.TryGetValue(file, out var errors))
        {
            return check with { Outcome = new CompileError($"this check uses {file}, which does not compile (so it ran the kit's stub):\n{string.Join("\n", errors.Take(3))}") };
        }

        var violations = build.Violations.Where(v => v.File == file).ToList();
        return violations.Count > 0
            ? check with { Outcome = new PolicyViolated($"this check uses {file}, which breaks the submission policy (so it ran the kit's stub):\n{string.Join("\n", violations.Take(3))}") }
            : check;
    }
}
