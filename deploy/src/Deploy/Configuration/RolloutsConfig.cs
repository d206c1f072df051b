using System.ComponentModel.DataAnnotations;

namespace MultiModel.Deploy.Configuration;

/// <summary>
/// What the stack adds for per-model rollouts (a model's <c>rollout.json</c>, docs/rollout.md): candidate alarms for
/// every model a function lists, and the advancer that moves a scheduled rollout on or rolls it back.
/// </summary>
internal sealed class RolloutsConfig
{
    private const string ScheduleMessage = "{0} must be an EventBridge 'rate(...)' or 'cron(...)' expression.";

    /// <summary>
    /// Whether the stack runs the advancer (its function, schedule and alarm rule). The candidate alarms are made
    /// either way: they are what a person running <c>multimodel advance</c> by hand looks at.
    /// </summary>
    public bool Advancer { get; init; } = true;

    /// <summary>How often the advancer moves every rollout whose bake time is over; each tick is one invocation.</summary>
    [Required(ErrorMessage = ScheduleMessage)]
    [RegularExpression(@"^(rate|cron)\([\s\S]*\)$", ErrorMessage = ScheduleMessage)]
    public string Schedule { get; init; } = "rate(1 minute)";

    /// <summary>
    /// Candidate requests a model needs in an alarm period before its candidate alarms judge it: a candidate that
    /// served 3 requests, one of them a 500, has not shown a 33% error rate. Part of the alarms' expression text, so
    /// a synth-time number rather than a parameter.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = SettingRules.RangeMessage)]
    public int AlarmMinRequests { get; init; } = 20;
}
