using System.Text.Json;
using System.Text.Json.Serialization;

namespace MultiModel.ModelHost.Models;

/// <summary>
/// Reads and writes <c>rollout.json</c>. Reading collects every problem rather than stopping at the first, as YARP's
/// config validation does, so that one fix makes a policy good; a policy with problems is never applied (the host keeps
/// the last good one).
/// </summary>
public static class RolloutPolicyJson
{
    public static byte[] Write(RolloutPolicy policy) => JsonSerializer.SerializeToUtf8Bytes(policy, RolloutPolicyJsonContext.Default.RolloutPolicy);

    /// <summary>The policy, or null with every problem found in <paramref name="problems"/>.</summary>
    public static RolloutPolicy? TryRead(ReadOnlySpan<byte> json, out IReadOnlyList<string> problems)
    {
        RolloutPolicy? policy;
        try
        {
            policy = JsonSerializer.Deserialize(json, RolloutPolicyJsonContext.Default.RolloutPolicy);
        }
        catch (JsonException exception)
        {
            problems = [$"{RolloutPolicy.FileName} is not valid JSON of a rollout policy: {exception.Message}"];
            return null;
        }

        problems = policy is null ? [$"{RolloutPolicy.FileName} is empty (null)."] : Problems(policy);
        return problems.Count == 0 ? policy : null;
    }

    /// <summary>Every way <paramref name="policy"/> breaks the format's rules; empty when it keeps them.</summary>
    public static IReadOnlyList<string> Problems(RolloutPolicy policy)
    {
        var problems = new List<string>();
        if (policy.Stable < 1)
        {
            problems.Add($"\"stable\" must be a version number of 1 or more; got {policy.Stable}.");
        }

        if (policy.Candidate is { } candidate)
        {
            CheckCandidate(candidate, policy.Stable, problems);
        }

        if (policy.Shadow is { } shadow)
        {
            CheckVersion("shadow.version", shadow.Version, problems);
            CheckPercent("shadow.percent", shadow.Percent, problems);
            if (shadow.Version == policy.Stable)
            {
                problems.Add($"\"shadow.version\" is the stable version {policy.Stable}; a shadow runs a different version.");
            }
        }

        if (string.IsNullOrWhiteSpace(policy.CallerHeader) || !policy.CallerHeader.All(IsTokenChar))
        {
            problems.Add($"\"callerHeader\" must be an HTTP header name (letters, digits, '-'); got '{policy.CallerHeader}'.");
        }

        if (policy.Guardrails is { } guardrails)
        {
            CheckGuardrails(guardrails, problems);
        }

        if (policy.PreviousStable?.Any(version => version < 1) == true)
        {
            problems.Add("\"previousStable\" must hold version numbers of 1 or more.");
        }

        return problems;
    }

    private static void CheckCandidate(CandidateRollout candidate, int stable, List<string> problems)
    {
        CheckVersion("candidate.version", candidate.Version, problems);
        CheckPercent("candidate.percent", candidate.Percent, problems);
        if (candidate.Version == stable)
        {
            problems.Add($"\"candidate.version\" is the stable version {stable}; promote it instead, or roll out another.");
        }

        if (candidate.Steps is { } steps)
        {
            if (steps.Count == 0 || steps.Any(step => step is <= 0 or > 100 || double.IsNaN(step)) || !steps.SequenceEqual(steps.Order()) || steps.Distinct().Count() != steps.Count)
            {
                problems.Add("\"candidate.steps\" must be ascending shares above 0 and at most 100, e.g. [10, 50, 100].");
            }
        }

        if (candidate.BakeSeconds is < 0 or > 7 * 24 * 3600)
        {
            problems.Add($"\"candidate.bakeSeconds\" must be 0 to 604800 (a week); got {candidate.BakeSeconds}.");
        }
    }

    private static void CheckGuardrails(RolloutGuardrails guardrails, List<string> problems)
    {
        if (guardrails.WindowRequests is < 1 or > 100_000)
        {
            problems.Add($"\"guardrails.windowRequests\" must be 1 to 100000; got {guardrails.WindowRequests}.");
        }

        if (guardrails.MinRequests < 1 || guardrails.MinRequests > guardrails.WindowRequests)
        {
            problems.Add($"\"guardrails.minRequests\" must be 1 to windowRequests ({guardrails.WindowRequests}); got {guardrails.MinRequests}.");
        }

        CheckPercent("guardrails.maxErrorPercent", guardrails.MaxErrorPercent, problems);
        if (!(guardrails.MaxLatencyRatio >= 1))
        {
            problems.Add($"\"guardrails.maxLatencyRatio\" must be 1 or more; got {guardrails.MaxLatencyRatio}.");
        }

        if (!(guardrails.MinLatencyIncreaseMs >= 0))
        {
            problems.Add($"\"guardrails.minLatencyIncreaseMs\" must be 0 or more; got {guardrails.MinLatencyIncreaseMs}.");
        }
    }

    private static void CheckVersion(string name, int version, List<string> problems)
    {
        if (version < 1)
        {
            problems.Add($"\"{name}\" must be a version number of 1 or more; got {version}.");
        }
    }

    private static void CheckPercent(string name, double percent, List<string> problems)
    {
        if (!(percent is >= 0 and <= 100))
        {
            problems.Add($"\"{name}\" must be a share from 0 to 100; got {percent}.");
        }
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
