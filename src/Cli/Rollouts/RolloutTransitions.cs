using System.Globalization;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Rollouts;

/// <summary>
/// The policy changes the verbs make, as pure functions of the policy and the time. None deletes a version: a caller
/// pinned to a rolled-back version still gets it.
/// </summary>
internal static class RolloutTransitions
{
    /// <summary>A new rollout of <paramref name="version"/>: it starts now, its first step now (which also clears a guardrail's verdict on an earlier one).</summary>
    public static PolicyChange StartCandidate(RolloutPolicy current, int version, double percent, IReadOnlyList<double>? steps, int bakeSeconds, DateTimeOffset now)
    {
        if (current.Candidate is { } existing && existing.Version != version)
        {
            throw new RolloutRefusedException(
                $"Version {existing.Version} is being rolled out ({Share(existing.Percent)} of unpinned callers); promote or roll it back before rolling out version {version}.");
        }

        var candidate = new CandidateRollout(version, percent, now, steps, bakeSeconds, now);
        var schedule = steps is null ? "" : $", then {string.Join(", ", steps.Where(step => step > percent).Select(Share))} after {Duration.Describe(bakeSeconds)} each (multimodel advance)";
        return new PolicyChange(current with { Candidate = candidate }, "rollout",
            $"version {version} answers {Share(percent)} of unpinned callers, stable version {current.Stable} the rest{schedule}");
    }

    /// <summary>A shadow of <paramref name="version"/> for a share of unpinned predictions; a share of 0 stops it.</summary>
    public static PolicyChange StartShadow(RolloutPolicy current, int version, double percent) =>
        percent == 0
            ? new PolicyChange(current with { Shadow = null }, "shadow", $"no shadow runs any more (version {current.Shadow?.Version.ToString(CultureInfo.InvariantCulture) ?? "none"} stopped)")
            : new PolicyChange(current with { Shadow = new ShadowRollout(version, percent) }, "shadow",
                $"version {version} runs in the shadow of {Share(percent)} of unpinned predictions, compared and never returned");

    /// <summary>The candidate becomes stable; the stable version is remembered as the one to roll back to.</summary>
    public static PolicyChange Promote(RolloutPolicy current)
    {
        var candidate = current.Candidate ?? throw new RolloutRefusedException($"No candidate is being rolled out (stable is version {current.Stable}); nothing to promote.");
        var promoted = current with
        {
            Stable = candidate.Version,
            Candidate = null,
            Shadow = current.Shadow?.Version == candidate.Version ? null : current.Shadow,
            PreviousStable = [.. current.PreviousStable ?? [], current.Stable],
        };
        return new PolicyChange(promoted, "promoted", $"version {candidate.Version} is stable: every unpinned caller gets it (was version {current.Stable})");
    }

    /// <summary>Removes the candidate; with none, stable goes back to the last previous stable version.</summary>
    public static PolicyChange Rollback(RolloutPolicy current)
    {
        if (current.Candidate is { } candidate)
        {
            return new PolicyChange(current with { Candidate = null }, "rolled-back",
                $"version {candidate.Version} is no longer rolled out: every unpinned caller gets stable version {current.Stable} (callers pinned to {candidate.Version} still get it)");
        }

        if (current.PreviousStable is not { Count: > 0 } previous)
        {
            throw new RolloutRefusedException($"Nothing to roll back: no candidate, and no version was stable before version {current.Stable}.");
        }

        var back = previous[^1];
        var rolledBack = current with
        {
            Stable = back,
            PreviousStable = previous.Count == 1 ? null : [.. previous.Take(previous.Count - 1)],
            Shadow = current.Shadow?.Version == back ? null : current.Shadow,
        };
        return new PolicyChange(rolledBack, "rolled-back", $"stable goes back from version {current.Stable} to version {back} (callers pinned to {current.Stable} still get it)");
    }

    public static string Share(double percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
