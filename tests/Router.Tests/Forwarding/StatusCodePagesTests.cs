using System.Net;
using Microsoft.AspNetCore.Http;
using MultiModel.Router.Tests.Support;
using static MultiModel.Router.Tests.Support.RuleJson;

namespace MultiModel.Router.Tests.Forwarding;

/// <summary>
/// A request for none of the router's routes gets a ProblemDetails naming them; a forwarded request's answer is the
/// target's, even a bodiless error (the status code pages, which would give it a body, are not on forwarded routes).
/// </summary>
public sealed class StatusCodePagesTests : IAsyncLifetime
{
    private EchoBackend _backend = null!;

    public async Task InitializeAsync() => _backend = await EchoBackend.StartAsync("backend");

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [Theory]
    [InlineData("POST", "/router/rules")]
    [InlineData("DELETE", "/health/live")]
    [InlineData("GET", "/v2/repository/index")]
    [InlineData("GET", "/models")]
    public async Task OwnEndpoint_WrongMethodOrPath_ProblemNamesTheRequestAndTheRoutes(string method, string path)
    {
        await using var router = RouterFactory.WithRulesFile(File(("all", Glob("*", Target(_backend.Url)))));

        using var response = await router.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.StartsWith($"'{method} {path}' is not a router route. It forwards /models/{{id}}/...", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Empty(_backend.Received);
    }

    [Theory]
    [InlineData("/models/iris/predict")]
    [InlineData("/v2/models/iris/infer")]
    [InlineData("/MODELS/iris")]
    public async Task Forwarded_TargetAnswersBodilessError_PassedOnUntouched(string path)
    {
        _backend.Respond = (context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status409Conflict;
            return Task.FromResult(true);
        };
        await using var router = RouterFactory.WithRulesFile(File(("all", Glob("*", Target(_backend.Url)))));

        using var response = await router.CreateClient().PostAsync(path, new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Null(response.Content.Headers.ContentType);
    }

    [Theory]
    [InlineData("/models/iris", true)]
    [InlineData("/v2/models/iris/infer", true)]
    [InlineData("/Models/iris/predict", true)]
    [InlineData("/models", false)]
    [InlineData("/models/", false)]
    [InlineData("/modelsx/iris", false)]
    [InlineData("/v2/models", false)]
    [InlineData("/router/rules", false)]
    [InlineData("/v2", false)]
    public void IsForwarded_PathsUnderAModel(string path, bool forwarded) =>
        Assert.Equal(forwarded, RouterApi.IsForwarded(path));
}
