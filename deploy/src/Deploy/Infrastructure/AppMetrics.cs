using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// The metrics both apps write as CloudWatch Embedded Metric Format lines on Lambda (docs/observability.md): one
/// namespace, every series under the function's name, per-model series also under <c>ModelId</c> and per-rule ones
/// under <c>Rule</c>. The dashboard and alarms read them from here, so a renamed metric is renamed in one place.
/// </summary>
internal static class AppMetrics
{
    public const string Namespace = "MultiModel";
    public const string FunctionDimension = "FunctionName";
    public const string ModelDimension = "ModelId";
    public const string RuleDimension = "Rule";

    /// <summary>A function-wide series (the app writes every per-model metric under the function alone as well).</summary>
    public static Metric Of(string functionName, string metricName, string statistic, Duration period, string? label = null) => new(new MetricProps
    {
        Namespace = Namespace,
        MetricName = metricName,
        DimensionsMap = new Dictionary<string, string> { [FunctionDimension] = functionName },
        Statistic = statistic,
        Period = period,
        Label = label,
    });

    /// <summary>One model's series on one function; a model with no traffic there writes none.</summary>
    public static Metric OfModel(string functionName, string modelId, string metricName, string statistic, Duration period) => new(new MetricProps
    {
        Namespace = Namespace,
        MetricName = metricName,
        DimensionsMap = new Dictionary<string, string> { [FunctionDimension] = functionName, [ModelDimension] = modelId },
        Statistic = statistic,
        Period = period,
    });

    /// <summary>
    /// Every series of <paramref name="metricName"/> under the function, one per value of
    /// <paramref name="dimension"/>: models and rules come and go without a deployment, so the dashboard finds them
    /// with a SEARCH expression instead of listing them.
    /// </summary>
    public static MathExpression SearchBy(string dimension, string functionName, string metricName, string statistic, Duration period, string label) => new(new MathExpressionProps
    {
        Expression = $"SEARCH('{{{Namespace},{FunctionDimension},{dimension}}} {FunctionDimension}=\"{functionName}\" MetricName=\"{metricName}\"', '{statistic}', {period.ToSeconds()})",
        UsingMetrics = new Dictionary<string, IMetric>(),
        Label = label,
        Period = period,
    });
}
