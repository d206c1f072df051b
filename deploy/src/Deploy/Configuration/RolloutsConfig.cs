using System.ComponentModel.DataAnnotations;

namespace MultiModel.Deploy.Configuration;

/// <summary>
/// What the stack adds for per-model rollouts (a model's <c>rollout.json</c>, docs/rollout.md): candidate alarms for
/// every model a function lists.
/// </summary>
internal sealed class RolloutsConfig
{
    /// <summary>
    /// Candidate requests a model needs in an alarm period before its candidate alarms judge it: a candidate that
    /// served 3 requests, one of them a 500, has not shown a 33% error rate. Part of the alarms' expression text, so
    /// a synth-time number rather than a parameter.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = SettingRules.RangeMessage)]
    public int AlarmMinRequests { get; init; } = 20;
}
