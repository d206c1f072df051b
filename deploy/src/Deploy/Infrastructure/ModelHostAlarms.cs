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
        Memory = MemoryAlarm(functionName, memoryMb, parameters, topicArn);

        // The function-wide series of ConfidenceDrift carries every model's value, so its Maximum is the most drifted
        // model; the dashboard's drift widget names it. Two periods: one burst of odd traffic is not drift.
        Drift = Create("ConfidenceDrift", AppMetrics.Of(functionName, "ConfidenceDrift", "Maximum", Period),
            parameters.DriftAlarmPsi.ValueAsNumber, 2,
            "A model's top-score distribution drifted from its baseline (PSI reached DriftAlarmPsi); see the dashboard's drift widget for which.");

        if (topicArn is not null)
        {
            var action = new SnsAction(Topic.FromTopicArn(this, "Topic", topicArn));
            Drift.AddAlarmAction(action);
        }
    }

    /// <summary>Written as CloudFormation's own alarm: its expression holds the size's token (<see cref="FunctionMemoryPercent"/>).</summary>
    public CfnAlarm Memory { get; }

    public Alarm Drift { get; }

    // Resident memory as a percentage of the function's size. The size may be a deploy-time parameter, so the division
    // is done by CloudWatch rather than by turning the threshold into bytes here. At the path the L2 alarm's resource
    // had (MemoryNearLimit/Resource), so its logical id is unchanged and a deployed stack updates the alarm in place.
    private CfnAlarm MemoryAlarm(string functionName, string memoryMb, DeployParameters parameters, string? topicArn) =>
        new(new Construct(this, "MemoryNearLimit"), "Resource", new CfnAlarmProps
        {
            Metrics = new CfnAlarm.IMetricDataQueryProperty[]
            {
                new CfnAlarm.MetricDataQueryProperty
                {
                    Id = "percent",
                    Expression = FunctionMemoryPercent.Expression("resident", memoryMb),
                    Label = "Resident memory (% of the function's size)",
                    ReturnData = true,
                },
                new CfnAlarm.MetricDataQueryProperty
                {
                    Id = "resident",
                    MetricStat = new CfnAlarm.MetricStatProperty
                    {
                        Metric = new CfnAlarm.MetricProperty
                        {
                            Namespace = AppMetrics.Namespace,
                            MetricName = "ResidentMemory",
                            Dimensions = new CfnAlarm.IDimensionProperty[] { new CfnAlarm.DimensionProperty { Name = AppMetrics.FunctionDimension, Value = functionName } },
                        },
                        Period = Period.ToSeconds(),
                        Stat = "Maximum",
                    },
                    ReturnData = false,
                },
            },
            Threshold = parameters.MemoryAlarmPercent.ValueAsNumber,
            EvaluationPeriods = 1,
            ComparisonOperator = "GreaterThanOrEqualToThreshold",
            TreatMissingData = "notBreaching",
            AlarmDescription = "ModelHost resident memory reached MemoryAlarmPercent of the function's size: lower the cache budget or raise the memory.",
            AlarmActions = topicArn is null ? null : [topicArn],
        });

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
