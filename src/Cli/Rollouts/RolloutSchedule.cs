using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Rollouts;

/// <summary>
/// The scheduled step of a rollout (<c>advance</c>), as CodeDeploy shifts traffic for an alias: with the alarm quiet
/// and the current step's bake time over, the candidate moves to its next step, and reaching 100% promotes it; with
/// the alarm firing it is rolled back at once, whatever the schedule says.
/// </summary>
internal static class RolloutSchedule
{
    public static PolicyChange Advance(RolloutPolicy? current, bool alarm, DateTimeOffset now)
    {
        if (current?.Candidate is not { } candidate)
        {
            return PolicyChange.None(current is null ? $"no {RolloutPolicy.FileName}: nothing is being rolled out" : $"no candidate is being rolled out (stable is version {current.Stable})");
        }

        if (alarm)
        {
            var back = RolloutTransitions.Rollback(current);
            return back with { Summary = $"the alarm fired: {back.Summary}" };
        }

        if (candidate.Steps is not { } steps)
        {
            return PolicyChange.None($"version {candidate.Version} has a fixed share of {RolloutTransitions.Share(candidate.Percent)} (no steps): nothing to advance");
        }

        var next = steps.Where(step => step > candidate.Percent).Order().Cast<double?>().FirstOrDefault();
        if (next is null && candidate.Percent < 100)
        {
            return PolicyChange.None($"version {candidate.Version} is at the schedule's last step, {RolloutTransitions.Share(candidate.Percent)}: promote it by hand");
        }

        var baked = now - (candidate.StepStartedAt ?? candidate.StartedAt);
        var bake = TimeSpan.FromSeconds(candidate.BakeSeconds);
        if (baked < bake)
        {
            return PolicyChange.None(
                $"version {candidate.Version} is baking at {RolloutTransitions.Share(candidate.Percent)}: {Duration.Describe(bake - baked)} left of {Duration.Describe(candidate.BakeSeconds)}");
        }

        if (next is null or >= 100)
        {
            var promoted = RolloutTransitions.Promote(current);
            return promoted with { Summary = $"{RolloutTransitions.Share(candidate.Percent)} baked for {Duration.Describe(candidate.BakeSeconds)}, the schedule reaches 100%: {promoted.Summary}" };
        }

        var advanced = current with { Candidate = candidate with { Percent = next.Value, StepStartedAt = now } };
        return new PolicyChange(advanced, "advanced",
            $"version {candidate.Version} goes from {RolloutTransitions.Share(candidate.Percent)} to {RolloutTransitions.Share(next.Value)} of unpinned callers ({Duration.Describe(candidate.BakeSeconds)} baked)");
    }
}
