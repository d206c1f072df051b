using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.SNS;
using Constructs;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// One model's rollout candidate watched from outside the host, on the series the host writes for whichever version is
/// the candidate (<c>CandidatePredictions</c>, <c>CandidateServerErrors</c>, <c>CandidateDuration</c>, per
/// <c>FunctionName</c> and <c>ModelId</c>): its 5xx share, and its median latency against the model's. The host's own
/// guardrail takes a failing candidate out of rotation in one environment; these see every environment of every
/// function that lists the model, and the advancer rolls the rollout back when one fires. Named
/// <c>{stack}-{model}-candidate-errors</c> and <c>-candidate-latency</c> (<see cref="NamePrefix"/>), so that the advancer
/// can tell the model from the alarm's name.
/// </summary>
internal sealed class CandidateAlarms : Construct
{
    public const string ErrorsSuffix = "-candidate-errors";
    public const string LatencySuffix = "-candidate-latency";

    // CloudWatch's limit on an alarm's name.
    private const int MaxNameLength = 255;
    private static readonly Duration Period = Duration.Minutes(5);

    /// <param name="functionNames">Every function that lists the model (at most 3: an alarm reads at most 10 metrics).</param>
    /// <param name="minRequests">Candidate requests a period needs before the alarms judge it.</param>
    public CandidateAlarms(Construct scope, string id, string modelId, IReadOnlyList<string> functionNames, int minRequests,
        DeployParameters parameters, string? topicArn)
        : base(scope, id)
    {
        var prefix = NamePrefix(Stack.Of(this));
        Names = [prefix + modelId + ErrorsSuffix, prefix + modelId + LatencySuffix];
        var minimum = minRequests.ToString(CultureInfo.InvariantCulture);

        // Requests and 5xx summed over the functions; FILL because one function may have served the candidate and
        // another not, and a sum with a missing term is missing.
        var counts = new Dictionary<string, IMetric>();
        for (var i = 0; i < functionNames.Count; i++)
        {
            counts[$"n{i}"] = AppMetrics.OfModel(functionNames[i], modelId, "CandidatePredictions", "Sum", Period);
            counts[$"e{i}"] = AppMetrics.OfModel(functionNames[i], modelId, "CandidateServerErrors", "Sum", Period);
        }

        var requests = Sum("n", functionNames.Count);
        var errors = Sum("e", functionNames.Count);
        Errors = Create("Errors", Names[0], new MathExpression(new MathExpressionProps
        {
            Expression = $"IF({requests} >= {minimum}, 100 * {errors} / {requests}, 0)",
            UsingMetrics = counts,
            Label = $"{modelId} candidate 5xx (% of its requests, 0 under {minimum} requests)",
            Period = Period,
        }), parameters.CandidateErrorAlarmPercent.ValueAsNumber,
            $"Model '{modelId}': more than CandidateErrorAlarmPercent of its rollout candidate's requests answered 5xx; the advancer rolls the candidate back.");

        // Medians do not add up across functions (their sizes differ), so each function's ratio is its own and the
        // worst one counts. The model's PredictionDuration includes the candidate's own requests: at a large share the
        // ratio understates a slow candidate, which the host's guardrail (against the stable version alone) still sees.
        var ratios = new Dictionary<string, IMetric>();
        for (var i = 0; i < functionNames.Count; i++)
        {
            ratios[$"r{i}"] = new MathExpression(new MathExpressionProps
            {
                Expression = $"IF(n{i} >= {minimum}, c{i} / p{i}, 0)",
                UsingMetrics = new Dictionary<string, IMetric>
                {
                    [$"n{i}"] = counts[$"n{i}"],
                    [$"c{i}"] = AppMetrics.OfModel(functionNames[i], modelId, "CandidateDuration", "p50", Period),
                    [$"p{i}"] = AppMetrics.OfModel(functionNames[i], modelId, "PredictionDuration", "p50", Period),
                },
                Period = Period,
            });
        }

        Latency = Create("Latency", Names[1], functionNames.Count == 1 ? ratios["r0"] : new MathExpression(new MathExpressionProps
        {
            Expression = $"MAX([{string.Join(", ", ratios.Keys)}])",
            UsingMetrics = ratios,
            Period = Period,
        }), parameters.CandidateLatencyAlarmRatio.ValueAsNumber,
            $"Model '{modelId}': its rollout candidate's median latency passed CandidateLatencyAlarmRatio times the model's; the advancer rolls the candidate back.");

        if (topicArn is not null)
        {
            var action = new SnsAction(Topic.FromTopicArn(this, "Topic", topicArn));
            Errors.AddAlarmAction(action);
            Latency.AddAlarmAction(action);
        }
    }

    /// <summary>The two alarms' names, as written (<see cref="Alarm.AlarmName"/> is a reference until deploy).</summary>
    public IReadOnlyList<string> Names { get; }

    public Alarm Errors { get; }

    public Alarm Latency { get; }

    /// <summary>What every candidate alarm's name of this stack starts with; the advancer strips it to find the model.</summary>
    public static string NamePrefix(Stack stack) => stack.StackName + "-";

    private static string Sum(string prefix, int count) => count == 1
        ? prefix + "0"
        : "(" + string.Join(" + ", Enumerable.Range(0, count).Select(i => $"FILL({prefix}{i}, 0)")) + ")";

    private Alarm Create(string id, string name, IMetric metric, double threshold, string description)
    {
        if (name.Length > MaxNameLength)
        {
            throw new InvalidOperationException($"The candidate alarm name '{name}' is longer than CloudWatch's {MaxNameLength} characters: use a shorter stack name or model id.");
        }

        return new Alarm(this, id, new AlarmProps
        {
            AlarmName = name,
            Metric = metric,
            Threshold = threshold,
            EvaluationPeriods = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_THRESHOLD,
            // No candidate, or an idle one, writes no candidate series: nothing to judge is not a failure.
            TreatMissingData = TreatMissingData.NOT_BREACHING,
            AlarmDescription = description,
        });
    }
}
