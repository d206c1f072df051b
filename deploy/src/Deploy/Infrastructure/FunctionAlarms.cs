using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SNS;
using Constructs;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>Errors, throttles and p99 duration of one function, each over 5-minute periods.</summary>
internal sealed class FunctionAlarms : Construct
{
    private static readonly Duration Period = Duration.Minutes(5);

    /// <param name="p99ThresholdMs">A number, or a parameter's value (P99DurationAlarmMs).</param>
    public FunctionAlarms(Construct scope, string id, IFunction function, double p99ThresholdMs, string? topicArn,
        string p99Description = "p99 duration reached the P99DurationAlarmMs parameter.")
        : base(scope, id)
    {
        var action = topicArn is null ? null : new SnsAction(Topic.FromTopicArn(this, "Topic", topicArn));
        Alarm[] alarms =
        [
            // Any unhandled error or timeout: the app answers expected failures itself, so these are real faults.
            Create("Errors", function.MetricErrors(new MetricOptions { Period = Period, Statistic = "Sum" }), 1,
                "Invocations that failed (unhandled error or timeout)."),
            // Any throttle means callers got 429s: raise concurrency or provisioned concurrency.
            Create("Throttles", function.MetricThrottles(new MetricOptions { Period = Period, Statistic = "Sum" }), 1,
                "Invocations throttled by the concurrency limit."),
            Create("P99Duration", function.MetricDuration(new MetricOptions { Period = Period, Statistic = "p99" }),
                p99ThresholdMs, p99Description),
        ];
        if (action is not null)
        {
            foreach (var alarm in alarms)
            {
                alarm.AddAlarmAction(action);
            }
        }
    }

    private Alarm Create(string id, IMetric metric, double threshold, string description) =>
        new(this, id, new AlarmProps
        {
            Metric = metric,
            Threshold = threshold,
            EvaluationPeriods = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
            AlarmDescription = description,
        });
}
