using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.SNS;
using Constructs;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// What the Lambda service's own metrics cannot see in a ModelHost: its resident memory nearing the function's size
/// (the next load would be an out-of-memory kill, which Lambda reports only as an error after the fact), and a model
/// whose confidence has drifted from its baseline (the answers are still 200s).
/// </summary>
internal sealed class ModelHostAlarms : Construct
{
    private static readonly Duration Period = Duration.Minutes(5);

    /// <param name="memoryMb">The function's memory size: a number, or the MemoryMb parameter's string token.</param>
    public ModelHostAlarms(Construct scope, string id, string functionName, string memoryMb, DeployParameters parameters, string? topicArn)
        : base(scope, id)
    {
        // Resident memory as a percentage of the function's size. The size may be a deploy-time parameter, so the
        // division is done by CloudWatch rather than by turning the threshold into bytes here.
        var memoryPercent = new MathExpression(new MathExpressionProps
        {
            Expression = $"100 * resident / (1048576 * {memoryMb})",
            UsingMetrics = new Dictionary<string, IMetric>
            {
                ["resident"] = AppMetrics.Of(functionName, "ResidentMemory", "Maximum", Period),
            },
            Label = "Resident memory (% of the function's size)",
            Period = Period,
        });
        Memory = Create("MemoryNearLimit", memoryPercent, parameters.MemoryAlarmPercent.ValueAsNumber, 1,
            "ModelHost resident memory reached MemoryAlarmPercent of the function's size: lower the cache budget or raise the memory.");

        // The function-wide series of ConfidenceDrift carries every model's value, so its Maximum is the most drifted
        // model; the dashboard's drift widget names it. Two periods: one burst of odd traffic is not drift.
        Drift = Create("ConfidenceDrift", AppMetrics.Of(functionName, "ConfidenceDrift", "Maximum", Period),
            parameters.DriftAlarmPsi.ValueAsNumber, 2,
            "A model's top-score distribution drifted from its baseline (PSI reached DriftAlarmPsi); see the dashboard's drift widget for which.");

        if (topicArn is not null)
        {
            var action = new SnsAction(Topic.FromTopicArn(this, "Topic", topicArn));
            Memory.AddAlarmAction(action);
            Drift.AddAlarmAction(action);
        }
    }

    public Alarm Memory { get; }

    public Alarm Drift { get; }

    private Alarm Create(string id, IMetric metric, double threshold, int periods, string description) =>
        new(this, id, new AlarmProps
        {
            Metric = metric,
            Threshold = threshold,
            EvaluationPeriods = periods,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            // No invocations means no metric lines: an idle function is neither full nor drifting.
            TreatMissingData = TreatMissingData.NOT_BREACHING,
            AlarmDescription = description,
        });
}
