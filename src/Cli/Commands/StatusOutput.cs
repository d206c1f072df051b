using MultiModel.Cli.Rollouts;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Commands;

/// <summary>status as a person reads it.</summary>
internal static class StatusOutput
{
    public static void Write(CommandContext context, string modelId, string location, RolloutPolicy? policy, IReadOnlyList<VersionStatus> versions, HostStatus? host, bool empty)
    {
        context.Line($"'{modelId}' in {location}");
        if (empty)
        {
            context.Line("  no versions");
        }
        else if (policy is null)
        {
            context.Line($"  no {RolloutPolicy.FileName}: unpinned callers get the highest version, {versions[^1].Version}");
        }
        else
        {
            Policy(context, policy);
        }

        foreach (var version in versions)
        {
            var roles = version.Roles.Count > 0 ? string.Join(", ", version.Roles) : "-";
            var published = version.Published
                ? $"published {version.PublishedAt:yyyy-MM-dd HH:mm}Z by {version.PublishedBy}{(version.GatesSkipped == true ? " (gates skipped)" : "")}"
                : "no publish.json";
            context.Line($"  version {version.Version,-4} {roles,-24} {published}");
        }

        if (host is not null)
        {
            context.Line($"host {host.Url}{(host.Version is { } answering ? $" (describes version {answering})" : "")}");
            var lines = host.Error is { } error ? [$"unavailable: {error}"]
                : host.Rollout is { } rollout ? JsonLines.Flatten(rollout).ToArray()
                : ["no \"rollout\" figures in its answer (a host without rollouts)"];
            foreach (var line in lines)
            {
                context.Line($"  {line}");
            }
        }
    }

    private static void Policy(CommandContext context, RolloutPolicy policy)
    {
        context.Line($"  stable     version {policy.Stable}");
        if (policy.Candidate is { } candidate)
        {
            var schedule = candidate.Steps is { } steps
                ? $", steps {string.Join(", ", steps.Select(RolloutTransitions.Share))}, bake {Duration.Describe(candidate.BakeSeconds)} from {candidate.StepStartedAt ?? candidate.StartedAt:yyyy-MM-dd HH:mm:ss}Z"
                : "";
            context.Line($"  candidate  version {candidate.Version} at {RolloutTransitions.Share(candidate.Percent)}{schedule} (since {candidate.StartedAt:yyyy-MM-dd HH:mm:ss}Z)");
        }

        if (policy.Shadow is { } shadow)
        {
            context.Line($"  shadow     version {shadow.Version} on {RolloutTransitions.Share(shadow.Percent)} of unpinned predictions");
        }

        if (policy.PreviousStable is { Count: > 0 } previous)
        {
            context.Line($"  previous   {string.Join(", ", previous)} (rollback goes back to {previous[^1]})");
        }

        var guardrails = policy.GuardrailsOrDefault;
        context.Line($"  callers    sticky on {policy.CallerHeader}; guardrails: over {guardrails.WindowRequests} requests (from {guardrails.MinRequests}), " +
            $"5xx above {RolloutTransitions.Share(guardrails.MaxErrorPercent)} or p50 above {guardrails.MaxLatencyRatio}x stable and {guardrails.MinLatencyIncreaseMs} ms more");
        if (policy.UpdatedAt is { } updated)
        {
            context.Line($"  updated    {updated:yyyy-MM-dd HH:mm:ss}Z");
        }
    }
}
