using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Constructs;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// One CloudWatch dashboard for the deployment: rows of graphs per ModelHost function (latency by model, cache hit
/// ratio, loads and evictions, memory against the function's size, confidence drift, answers by class; rollouts:
/// candidate requests and 5xx, candidates taken out, shadow runs and their differences), the candidate alarms, and the
/// Router. Per-model and per-rule graphs use SEARCH, so models added to the bucket appear without a deployment.
/// </summary>
internal sealed class OperationsDashboard : Construct
{
    private static readonly Duration Period = Duration.Minutes(1);
    private const int Width = 8;
    private const int Height = 6;

    public OperationsDashboard(Construct scope, string id, IReadOnlyList<ModelFunction> hosts, RouterFunction router, DeployParameters parameters,
        IReadOnlyList<IAlarm> candidateAlarms)
        : base(scope, id)
    {
        Dashboard = new Dashboard(this, "Dashboard", new DashboardProps
        {
            DefaultInterval = Duration.Hours(3),
            PeriodOverride = PeriodOverride.AUTO,
        });
        foreach (var host in hosts)
        {
            AddModelHostRow(host, parameters);
            AddRolloutRow(host.Function.FunctionName);
        }

        if (candidateAlarms.Count > 0)
        {
            Dashboard.AddWidgets(new AlarmStatusWidget(new AlarmStatusWidgetProps
            {
                Title = "Candidate alarms (the advancer rolls a model back when one fires)",
                Alarms = candidateAlarms.ToArray(),
                Width = 24,
                Height = 3,
            }));
        }

        AddRouterRow(router.Function.FunctionName);
    }

    public Dashboard Dashboard { get; }

    private void AddModelHostRow(ModelFunction host, DeployParameters parameters)
    {
        var function = host.Function.FunctionName;
        Dashboard.AddWidgets(new TextWidget(new TextWidgetProps
        {
            Markdown = $"## ModelHost `{host.Name}`\nPer-model series appear once a model has served on this function.",
            Width = 24,
            Height = 1,
        }));
        Dashboard.AddWidgets(
            Graph("Prediction latency p99 by model (ms)", [
                AppMetrics.SearchBy(AppMetrics.ModelDimension, function, "PredictionDuration", "p99", Period, ""),
                AppMetrics.Of(function, "PredictionDuration", "p50", Period, "all models p50"),
            ]),
            Graph("Cache hit ratio (%)", [
                new MathExpression(new MathExpressionProps
                {
                    Expression = "100 * hits / (hits + misses)",
                    UsingMetrics = new Dictionary<string, IMetric>
                    {
                        ["hits"] = AppMetrics.Of(function, "CacheHits", "Sum", Period),
                        ["misses"] = AppMetrics.Of(function, "CacheMisses", "Sum", Period),
                    },
                    Label = "hits / (hits + misses)",
                    Period = Period,
                }),
            ], leftMin: 0),
            Graph("Loads and evictions by model", [
                AppMetrics.SearchBy(AppMetrics.ModelDimension, function, "ModelLoads", "Sum", Period, "loads"),
                AppMetrics.SearchBy(AppMetrics.ModelDimension, function, "Evictions", "Sum", Period, "evictions"),
                AppMetrics.SearchBy(AppMetrics.ModelDimension, function, "FailedLoads", "Sum", Period, "failed loads"),
            ]));
        Dashboard.AddWidgets(
            new MemoryGraph(function, host.MemoryMb, parameters.MemoryAlarmPercent.ValueAsNumber, Period, Width, Height),
            Graph("Confidence drift by model (PSI)", [
                AppMetrics.SearchBy(AppMetrics.ModelDimension, function, "ConfidenceDrift", "Maximum", Period, ""),
            ], leftMin: 0, annotation: new HorizontalAnnotation
            {
                Value = parameters.DriftAlarmPsi.ValueAsNumber,
                Label = "alarm (DriftAlarmPsi)",
                Color = Color.RED,
            }),
            Graph("Predictions by answer", [
                AppMetrics.Of(function, "Predictions", "Sum", Period, "all"),
                AppMetrics.Of(function, "ClientErrors", "Sum", Period, "4xx"),
                AppMetrics.Of(function, "ServerErrors", "Sum", Period, "5xx"),
            ], leftMin: 0));
    }

    // Series the host writes only while a model has a candidate or a shadow, so the graphs are empty otherwise.
    private void AddRolloutRow(string function)
    {
        Dashboard.AddWidgets(
            Graph("Rollouts: candidate requests and 5xx by model", [
                AppMetrics.SearchBy(AppMetrics.ModelDimension, function, "CandidatePredictions", "Sum", Period, "requests"),
                AppMetrics.SearchBy(AppMetrics.ModelDimension, function, "CandidateServerErrors", "Sum", Period, "5xx"),
            ], leftMin: 0),
            Graph("Rollouts: candidates taken out and shadow runs by model", [
                AppMetrics.SearchBy(AppMetrics.ModelDimension, function, "CandidatesTakenOut", "Sum", Period, "taken out"),
                AppMetrics.SearchBy(AppMetrics.ModelDimension, function, "ShadowRuns", "Sum", Period, "shadow runs"),
            ], leftMin: 0),
            Graph("Rollouts: shadow max abs difference by model", [
                AppMetrics.SearchBy(AppMetrics.ModelDimension, function, "ShadowMaxAbsDifference", "Maximum", Period, ""),
            ], leftMin: 0));
    }

    private void AddRouterRow(string function)
    {
        Dashboard.AddWidgets(new TextWidget(new TextWidgetProps { Markdown = "## Router", Width = 24, Height = 1 }));
        Dashboard.AddWidgets(
            Graph("Requests and 5xx by rule", [
                AppMetrics.SearchBy(AppMetrics.RuleDimension, function, "RouterRequests", "Sum", Period, "requests"),
                AppMetrics.SearchBy(AppMetrics.RuleDimension, function, "RouterServerErrors", "Sum", Period, "5xx"),
            ], leftMin: 0),
            Graph("Upstream latency p99 by rule (ms)", [
                AppMetrics.SearchBy(AppMetrics.RuleDimension, function, "UpstreamDuration", "p99", Period, ""),
            ], leftMin: 0),
            Graph("Rules age (s) and rule-source failures", [
                AppMetrics.Of(function, "RulesAge", "Maximum", Period, "age of the rules in force"),
                AppMetrics.Of(function, "RuleReadFailures", "Sum", Period, "failed reads"),
            ], leftMin: 0));
    }

    private static GraphWidget Graph(string title, IMetric[] metrics, double? leftMin = null, HorizontalAnnotation? annotation = null) => new(new GraphWidgetProps
    {
        Title = title,
        Left = metrics,
        LeftYAxis = leftMin is null ? null : new YAxisProps { Min = leftMin },
        LeftAnnotations = annotation is null ? null : [annotation],
        Width = Width,
        Height = Height,
    });
}
