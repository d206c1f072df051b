using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// The dashboard's memory graph of one ModelHost: resident memory, what the cache charges and the cache budget, each
/// as a percentage of the function's size (<see cref="FunctionMemoryPercent"/>), with the alarm's line. Its JSON is
/// written here, in CloudWatch's dashboard body format, because a <c>GraphWidget</c> would need a
/// <c>MathExpression</c> holding the size's token.
/// </summary>
internal sealed class MemoryGraph : ConcreteWidget
{
    private static readonly string[] Series = ["ResidentMemory", "CacheMemoryUsage", "CacheMemoryLimit"];
    private static readonly string[] Labels = ["resident", "charged to the cache", "cache budget"];

    private readonly string functionName;
    private readonly string memoryMb;
    private readonly double alarmPercent;
    private readonly Duration period;
    private double x;
    private double y;

    /// <param name="memoryMb">The function's memory size: a number, or the ModelHostMemoryMb parameter's token.</param>
    /// <param name="alarmPercent">The MemoryAlarmPercent parameter's value (a number token).</param>
    public MemoryGraph(string functionName, string memoryMb, double alarmPercent, Duration period, double width, double height)
        : base(width, height)
    {
        this.functionName = functionName;
        this.memoryMb = memoryMb;
        this.alarmPercent = alarmPercent;
        this.period = period;
    }

    public const string Title = "Memory (% of the function's size)";

    public override void Position(double x, double y)
    {
        this.x = x;
        this.y = y;
    }

    // One hidden metric per series (its id is the expression's variable) and one expression line per series.
    public override object[] ToJson()
    {
        var seconds = period.ToSeconds();
        var metrics = new List<object>();
        for (var i = 0; i < Series.Length; i++)
        {
            var id = Series[i].ToLowerInvariant();
            metrics.Add(new object[]
            {
                new Dictionary<string, object>
                {
                    ["label"] = Labels[i],
                    ["expression"] = FunctionMemoryPercent.Expression(id, memoryMb),
                    ["period"] = seconds,
                },
            });
            metrics.Add(new object[]
            {
                AppMetrics.Namespace, Series[i], AppMetrics.FunctionDimension, functionName,
                new Dictionary<string, object> { ["period"] = seconds, ["stat"] = "Maximum", ["visible"] = false, ["id"] = id },
            });
        }

        return
        [
            new Dictionary<string, object>
            {
                ["type"] = "metric",
                ["width"] = Width,
                ["height"] = Height,
                ["x"] = x,
                ["y"] = y,
                ["properties"] = new Dictionary<string, object>
                {
                    ["view"] = "timeSeries",
                    ["title"] = Title,
                    ["region"] = Aws.REGION,
                    ["metrics"] = metrics.ToArray(),
                    ["annotations"] = new Dictionary<string, object>
                    {
                        ["horizontal"] = new object[]
                        {
                            new Dictionary<string, object>
                            {
                                ["value"] = alarmPercent,
                                ["color"] = Color.RED,
                                ["label"] = "alarm (MemoryAlarmPercent)",
                                ["yAxis"] = "left",
                            },
                        },
                    },
                    ["yAxis"] = new Dictionary<string, object> { ["left"] = new Dictionary<string, object> { ["min"] = 0 } },
                },
            },
        ];
    }
}
