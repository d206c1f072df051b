using System.Text;
using System.Text.Json.Nodes;

namespace MultiModel.Cli.Tuning;

/// <summary>
/// The execution input of AWS Lambda Power Tuning's state machine for the same sizes and workload: each kind of
/// request as the event a Function URL (or an HTTP API) hands the function, weighted as in the workload, so the real
/// thing can be run against a deployed function (docs/cost.md). The ARN is a placeholder to fill in.
/// </summary>
internal static class PowerTuningInput
{
    public static JsonObject Create(TuneReport report, Workload workload)
    {
        var smallest = workload.Requests.Min(request => request.Weight);
        var payloads = new JsonArray(workload.Requests.Select(request => (JsonNode)new JsonObject
        {
            ["payload"] = Event(request),
            ["weight"] = Math.Max(1, (int)Math.Round(request.Weight / smallest)),
        }).ToArray());
        return new JsonObject
        {
            ["lambdaARN"] = $"arn:aws:lambda:{(report.Prices.Region.Contains(' ', StringComparison.Ordinal) ? "REGION" : report.Prices.Region)}:ACCOUNT_ID:function:FUNCTION_NAME",
            ["powerValues"] = new JsonArray(report.Sizes.Select(size => (JsonNode)size.MemoryMb).ToArray()),
            // Power Tuning needs at least one invocation per weighted payload, and at least 5.
            ["num"] = Math.Max(Math.Max(5, payloads.Count), report.Workload.Requests),
            ["payload"] = payloads,
            ["parallelInvocation"] = false,
            ["strategy"] = Strategy.Cost,
            ["balancedWeight"] = report.BalancedWeight,
            ["includeOutputResults"] = true,
        };
    }

    /// <summary>A POST as the version 2.0 event of a Function URL or HTTP API, the body as text.</summary>
    private static JsonObject Event(WorkloadRequest request) => new()
    {
        ["version"] = "2.0",
        ["routeKey"] = "$default",
        ["rawPath"] = request.Path,
        ["rawQueryString"] = "",
        ["headers"] = new JsonObject { ["content-type"] = "application/json" },
        ["requestContext"] = new JsonObject
        {
            ["http"] = new JsonObject { ["method"] = "POST", ["path"] = request.Path, ["protocol"] = "HTTP/1.1", ["sourceIp"] = "127.0.0.1", ["userAgent"] = "power-tuning" },
            ["routeKey"] = "$default",
            ["stage"] = "$default",
        },
        ["body"] = Encoding.UTF8.GetString(request.Body),
        ["isBase64Encoded"] = false,
    };
}
