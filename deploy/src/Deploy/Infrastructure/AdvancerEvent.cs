using Amazon.CDK.AWS.Events;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// What the stack sends the rollout advancer: the <c>multimodel</c> tool started by Lambda with
/// <c>MULTIMODEL_LAMBDA=advance</c>, which runs <c>advance</c> for each event (docs/deploy.md, "Rollouts"). Two
/// events, both plain JSON: the schedule's, which says the alarms are quiet, and a candidate alarm's, which names it.
/// </summary>
internal static class AdvancerEvent
{
    /// <summary>The variable that makes the tool serve Lambda events instead of reading its command line.</summary>
    public const string ModeVariable = "MULTIMODEL_LAMBDA";
    public const string Mode = "advance";

    /// <summary>
    /// What every candidate alarm name of the stack starts with (<c>{stack}-</c>): the tool removes it and the
    /// <c>-candidate-errors</c> or <c>-candidate-latency</c> suffix to find the model (ids may hold '-', stack names may too).
    /// </summary>
    public const string AlarmPrefixVariable = "MULTIMODEL_CANDIDATE_ALARM_PREFIX";

    /// <summary>
    /// <c>{"alarm":"ok"}</c>: every model whose rollout has steps and whose bake time is over moves to its next step
    /// (promoted at 100%); other models are left as they are.
    /// </summary>
    public static RuleTargetInput Scheduled() =>
        RuleTargetInput.FromObject(new Dictionary<string, object> { ["alarm"] = "ok" });

    /// <summary>
    /// <c>{"alarm":"alarm","alarmName":"{stack}-{model}-candidate-errors"}</c>: roll that model's candidate back. The
    /// name comes from the CloudWatch "Alarm State Change" event (<c>$.detail.alarmName</c>) by an input transformer.
    /// </summary>
    public static RuleTargetInput AlarmFired() =>
        RuleTargetInput.FromObject(new Dictionary<string, object>
        {
            ["alarm"] = "alarm",
            ["alarmName"] = EventField.FromPath("$.detail.alarmName"),
        });
}
