using System.Text.Json;
using Xunit.Abstractions;

namespace MultiModel.Deploy.Tests.Lambda;

/// <summary>
/// The ModelHost as the image runs it on Lambda: built with the hosting switch against the upstream adapter, started
/// under a Runtime API stand-in, sent the events a function URL sends. Skipped, saying why, where the adapter's feed
/// is not beside the checkout.
/// </summary>
[Collection(LambdaBuildCollection.Name)]
public sealed class ModelHostOnLambdaTests(LambdaImageBuild build, ITestOutputHelper output)
{
    private const string Iris = """{"inputs": {"features": [[5.1, 3.5, 1.4, 0.2], [6.3, 3.3, 6.0, 2.5]]}}""";
    private const string OneIris = """{"inputs": {"features": [[5.1, 3.5, 1.4, 0.2]]}}""";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task Predict_IrisFromAFunctionUrlEvent_AnswersAsOnKestrel()
    {
        await using var function = await StartAsync();

        var (status, headers, body) = await InvokeAsync(function.RuntimeApi, "POST", "/models/iris/predict", Iris);

        Assert.Equal(200, status);
        Assert.StartsWith("application/json", headers["content-type"], StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(["setosa", "virginica"], json.RootElement.GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("label").GetString()));
    }

    [SkippableFact]
    public async Task Predict_MalformedJsonAndUnknownModel_GetTheirProblemDetails()
    {
        await using var function = await StartAsync();

        var malformed = await InvokeAsync(function.RuntimeApi, "POST", "/models/iris/predict", "{\"inputs\": ");
        var unknown = await InvokeAsync(function.RuntimeApi, "POST", "/models/no-such-model/predict", Iris);

        Assert.Equal(400, malformed.Status);
        Assert.Contains("not valid JSON", Detail(malformed.Body), StringComparison.Ordinal);
        Assert.Equal(404, unknown.Status);
        Assert.Contains("no-such-model", Detail(unknown.Body), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Predict_ResponseOverLambdasLimit_Gets413SayingHowManyRowsFitAndTheFunctionLivesOn()
    {
        await using var function = await StartAsync();
        var rows = string.Join(",", Enumerable.Repeat("[5.1, 3.5, 1.4, 0.2]", 250_000)); // a 5 MB request, a 60 MB response

        var tooLarge = await InvokeAsync(function.RuntimeApi, "POST", "/models/iris/predict", "{\"inputs\": {\"features\": [" + rows + "]}}");
        var next = await InvokeAsync(function.RuntimeApi, "POST", "/models/iris/predict", Iris);

        Assert.Equal(413, tooLarge.Status);
        var detail = Detail(tooLarge.Body);
        Assert.Contains("6 MB", detail, StringComparison.Ordinal);
        Assert.Matches(@"The request had 250,000 rows, about [\d,]+ bytes each in the response: send at most [\d,]+ rows per request\.", detail);
        Assert.Equal(200, next.Status);
        Assert.False(function.Process.HasExited);
    }

    [SkippableFact]
    public async Task Logs_OfAnInvocation_CarryLambdasRequestId()
    {
        await using var function = await StartAsync();

        var result = await function.RuntimeApi.InvokeAsync(HttpApiEvent.Request("POST", "/models/iris/predict", Iris), Timeout);

        Assert.Equal(InvocationOutcome.Response, result.Outcome);
        var prediction = await EventuallyAsync(() => function.Process.Output.FirstOrDefault(line => line.Contains("\"Prediction\"", StringComparison.Ordinal)));
        using var json = JsonDocument.Parse(prediction);
        Assert.Equal(result.RequestId, json.RootElement.GetProperty("AwsRequestId").GetString());
        Assert.Equal(200, json.RootElement.GetProperty("Status").GetInt32());
    }

    [SkippableFact]
    public async Task Predict_FirstInvocationAfterAPrewarmedInit_IsACacheHit()
    {
        await using var function = await StartAsync(new Dictionary<string, string> { ["ModelHost__Prewarm__Models__0"] = "iris" });

        var durations = new List<double>();
        var requestIds = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            var result = await function.RuntimeApi.InvokeAsync(HttpApiEvent.Request("POST", "/models/iris/predict", Iris), Timeout);
            Assert.Equal(200, HttpApiEvent.Response(result.Body).Status);
            durations.Add(result.Duration.TotalMilliseconds);
            requestIds.Add(result.RequestId);
        }

        var first = await EventuallyAsync(() => function.Process.Output.FirstOrDefault(line =>
            line.Contains("\"Prediction\"", StringComparison.Ordinal) && line.Contains(requestIds[0], StringComparison.Ordinal)));
        using var json = JsonDocument.Parse(first);
        Assert.Equal("hit", json.RootElement.GetProperty("CacheResult").GetString());
        var later = durations.Skip(1).Order().ToArray();
        output.WriteLine($"first invocation after a prewarmed init: {durations[0]:F1} ms; later ones: median {later[later.Length / 2]:F1} ms (as the Runtime API sees them)");
    }

    [SkippableFact]
    public async Task Warmup_OfAPrewarmedModel_LeavesNoTraceInDriftMetricsOrThePredictionLog()
    {
        await using var function = await StartAsync(new Dictionary<string, string> { ["ModelHost__Prewarm__Models__0"] = "iris" });

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(200, (await InvokeAsync(function.RuntimeApi, "POST", "/models/iris/predict", OneIris)).Status);
        }

        var described = await InvokeAsync(function.RuntimeApi, "GET", "/models/iris");
        using var json = JsonDocument.Parse(described.Body);
        var baselineSamples = json.RootElement.GetProperty("confidenceDrift").GetProperty("baselineSamples").GetInt64();
        var output = function.Process.Output;
        var predictionLines = output.Count(line => line.Contains("\"Prediction\"", StringComparison.Ordinal));
        var emfPredictions = output.Where(line => line.Contains("\"_aws\"", StringComparison.Ordinal)).Sum(EmfPredictions);
        var warmupLines = output.Count(line => line.Contains("LambdaWarmedUp", StringComparison.Ordinal));

        Assert.Equal((2L, 2, 2.0, 1), (baselineSamples, predictionLines, emfPredictions, warmupLines));
    }

    private static double EmfPredictions(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.TryGetProperty("Predictions", out var count) ? count.GetDouble() : 0;
    }

    private static async Task<string> EventuallyAsync(Func<string?> find)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (find() is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the expected log line did not appear");
    }

    private async Task<StartedLambdaFunction> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        Skip.If(build.SkipReason is not null, build.SkipReason);
        var runtimeApi = await RuntimeApiStandIn.StartAsync();
        var process = LambdaFunctionProcess.Start(build.ModelHostDirectory, "ModelHost.dll", runtimeApi, memoryMegabytes: 1024, settings);
        return new StartedLambdaFunction(runtimeApi, process, output);
    }

    private static async Task<(int Status, IReadOnlyDictionary<string, string> Headers, string Body)> InvokeAsync(
        RuntimeApiStandIn runtimeApi, string method, string path, string? body = null)
    {
        var result = await runtimeApi.InvokeAsync(HttpApiEvent.Request(method, path, body), Timeout);
        Assert.True(result.Outcome == InvocationOutcome.Response, $"{result.Outcome}: {result.Body}");
        return HttpApiEvent.Response(result.Body);
    }

    private static string Detail(string problem)
    {
        using var json = JsonDocument.Parse(problem);
        return json.RootElement.GetProperty("detail").GetString() ?? "";
    }
}
