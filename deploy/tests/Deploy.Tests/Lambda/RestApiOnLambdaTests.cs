using Xunit.Abstractions;

namespace MultiModel.Deploy.Tests.Lambda;

/// <summary>
/// The apps behind the stack's REST API: built with the hosting switch against the upstream adapter, started under a
/// Runtime API stand-in with the event source the stack sets on them (MULTIMODEL_LAMBDA_EVENT_SOURCE=RestApi), sent
/// the proxy events API Gateway sends, and answering exactly as the same build does on Kestrel. Skipped, saying why,
/// where the adapter's feed is not beside the checkout.
/// </summary>
[Collection(LambdaBuildCollection.Name)]
public sealed class RestApiOnLambdaTests(LambdaImageBuild build, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly Dictionary<string, string> RestApi = new() { ["MULTIMODEL_LAMBDA_EVENT_SOURCE"] = "RestApi" };

    public static TheoryData<string> Requests => [.. GatewayRequests.All.Keys];

    [SkippableTheory]
    [MemberData(nameof(Requests))]
    public async Task ModelHost_RestApiEvent_AnswersAsOnKestrel(string name)
    {
        var request = GatewayRequests.All[name];
        await using var function = await StartAsync("ModelHost.dll", RestApi);
        await using var kestrel = await KestrelProcess.StartAsync(build.ModelHostDirectory, "ModelHost.dll");

        var lambda = await InvokeAsync(function, request.RestApiEvent());

        await SameAnswer.AssertAsync(await kestrel.Client.SendAsync(request.HttpRequest()), lambda);
    }

    [SkippableFact]
    public async Task ModelHost_HttpApiSetExplicitly_AnswersAFunctionUrlEventAsOnKestrel()
    {
        var request = GatewayRequests.All["predict"];
        await using var function = await StartAsync("ModelHost.dll", new Dictionary<string, string> { ["MULTIMODEL_LAMBDA_EVENT_SOURCE"] = "HttpApi" });
        await using var kestrel = await KestrelProcess.StartAsync(build.ModelHostDirectory, "ModelHost.dll");

        var lambda = await InvokeAsync(function, request.HttpApiEvent());

        await SameAnswer.AssertAsync(await kestrel.Client.SendAsync(request.HttpRequest()), lambda);
    }

    [SkippableFact]
    public async Task ModelHost_RestApiEventWithoutTheSetting_IsNotServed()
    {
        // Why the stack must set the variable: the default adapter reads the 2.0 payload, and a REST API event is not one.
        await using var function = await StartAsync("ModelHost.dll");

        var result = await function.RuntimeApi.InvokeAsync(GatewayRequests.All["predict"].RestApiEvent(), Timeout);

        Assert.False(result.Outcome == InvocationOutcome.Response && LambdaResponse.Parse(result.Body).Status == 200,
            $"a REST API event was served as if the function read that shape: {result.Body}");
    }

    [SkippableFact]
    public async Task Router_RestApiEvent_ForwardsAndAnswersAsTheModelHostOnKestrel()
    {
        Skip.If(build.SkipReason is not null, build.SkipReason);
        var request = GatewayRequests.All["predict"];
        await using var kestrel = await KestrelProcess.StartAsync(build.ModelHostDirectory, "ModelHost.dll");
        var rules = Path.GetTempFileName();
        await File.WriteAllTextAsync(rules, $$$$"""{"rules": {"kestrel": {"match": {"glob": "*"}, "targets": [{"url": "{{{{kestrel.Address}}}}", "auth": "none"}]}}}""");
        var settings = new Dictionary<string, string>(RestApi) { ["Router__Rules__FilePath"] = rules };
        LambdaResponse lambda;
        await using (var router = await StartAsync("Router.dll", settings))
        {
            lambda = await InvokeAsync(router, request.RestApiEvent());
        }

        File.Delete(rules);

        await SameAnswer.AssertAsync(await kestrel.Client.SendAsync(request.HttpRequest()), lambda);
    }

    private async Task<StartedLambdaFunction> StartAsync(string assembly, IReadOnlyDictionary<string, string>? settings = null)
    {
        Skip.If(build.SkipReason is not null, build.SkipReason);
        var directory = assembly == "Router.dll" ? build.RouterDirectory : build.ModelHostDirectory;
        var runtimeApi = await RuntimeApiStandIn.StartAsync();
        var process = LambdaFunctionProcess.Start(directory, assembly, runtimeApi, memoryMegabytes: 1024, settings);
        return new StartedLambdaFunction(runtimeApi, process, output);
    }

    private static async Task<LambdaResponse> InvokeAsync(StartedLambdaFunction function, string lambdaEvent)
    {
        var result = await function.RuntimeApi.InvokeAsync(lambdaEvent, Timeout);
        Assert.True(result.Outcome == InvocationOutcome.Response, $"{result.Outcome}: {result.Body}");
        return LambdaResponse.Parse(result.Body);
    }
}
