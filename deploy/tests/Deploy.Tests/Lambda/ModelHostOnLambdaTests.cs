using System.Text.Json;
using Xunit.Abstractions;

namespace MultiModel.Deploy.Tests.Lambda;

/// <summary>
/// The ModelHost as the image runs it on Lambda: built with the hosting switch against the upstream adapter, started
/// under a Runtime API stand-in, sent the events a function URL sends. Skipped, saying why, where the adapter's feed
/// is not beside the checkout.
/// </summary>
public sealed class ModelHostOnLambdaTests(LambdaImageBuild build, ITestOutputHelper output) : IClassFixture<LambdaImageBuild>
{
    private const string Iris = """{"inputs": {"features": [[5.1, 3.5, 1.4, 0.2], [6.3, 3.3, 6.0, 2.5]]}}""";
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

    private async Task<LambdaFunction> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        Skip.If(build.SkipReason is not null, build.SkipReason);
        var runtimeApi = await RuntimeApiStandIn.StartAsync();
        var process = LambdaFunctionProcess.Start(build.ModelHostDirectory, "ModelHost.dll", runtimeApi, memoryMegabytes: 1024, settings);
        return new LambdaFunction(runtimeApi, process, output);
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

    /// <summary>A started function and its Runtime API; disposing stops both and shows the function's output.</summary>
    private sealed class LambdaFunction(RuntimeApiStandIn runtimeApi, LambdaFunctionProcess process, ITestOutputHelper output) : IAsyncDisposable
    {
        public RuntimeApiStandIn RuntimeApi { get; } = runtimeApi;
        public LambdaFunctionProcess Process { get; } = process;

        public async ValueTask DisposeAsync()
        {
            await Process.DisposeAsync();
            await RuntimeApi.DisposeAsync();
            foreach (var line in Process.Output.TakeLast(40))
            {
                output.WriteLine(line);
            }
        }
    }
}
