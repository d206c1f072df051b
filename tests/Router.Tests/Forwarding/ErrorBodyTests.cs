using System.Net;
using System.Text.Json;
using MultiModel.Router.Tests.Support;
using MultiModel.TestSupport;
using static MultiModel.Router.Tests.Support.RuleJson;

namespace MultiModel.Router.Tests.Forwarding;

/// <summary>Every error the router makes names the rule, the target and the request id a caller can quote.</summary>
public sealed class ErrorBodyTests : IAsyncLifetime
{
    private EchoBackend _backend = null!;

    public async Task InitializeAsync() => _backend = await EchoBackend.StartAsync("backend");

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [Theory]
    [InlineData("no-rule", "caller-7")]
    [InlineData("no-rule", "bad id")]
    [InlineData("too-large", "caller-7")]
    [InlineData("too-large", "bad id")]
    [InlineData("refused", "caller-7")]
    [InlineData("refused", "bad id")]
    public async Task Forward_RouterMadeError_ProblemNamesRuleTargetAndTheRequestIdReturned(string error, string givenId)
    {
        var dead = FreePort.DeadUrl();
        await using var router = RouterFactory.WithRulesFile(
            File(("big", Exact("big", Target(_backend.Url, auth: "iam", region: "eu-west-1"))), ("gone", Exact("gone", Target(dead)))),
            new Dictionary<string, string?>
            {
                ["Router:Forwarding:MaxSignedBodyBytes"] = "16",
                ["Serilog:MinimumLevel:Override:MultiModel.ServiceDefaults"] = "Information",
            });
        var (model, status, rule, target) = error switch
        {
            "no-rule" => ("iris", HttpStatusCode.NotFound, null, null),
            "too-large" => ("big", HttpStatusCode.RequestEntityTooLarge, "big", _backend.Url.TrimEnd('/')),
            _ => ("gone", HttpStatusCode.BadGateway, "gone", dead),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/models/{model}/predict") { Content = new StringContent(new string('x', 100)) };
        request.Headers.TryAddWithoutValidation("X-Request-Id", givenId);

        using var response = await router.CreateClient().SendAsync(request);

        var problem = await response.ProblemAsync(status);
        Assert.Equal((rule, target), (Nullable(problem, "rule"), Nullable(problem, "target")));
        var returned = response.Headers.GetValues("X-Request-Id").Single();
        Assert.Equal(returned, problem.Text("requestId"));
        if (givenId.Contains(' ', StringComparison.Ordinal))
        {
            Assert.Matches("^[0-9a-f]{32}$", returned); // Replaced, as the ModelHost does, and the given value logged.
            Assert.Equal(givenId, CapturingSink.Scalar(Assert.Single(router.Logs.Named("RequestIdReplaced")), "GivenRequestId"));
        }
        else
        {
            Assert.Equal(givenId, returned);
        }
    }

    /// <summary>The property's value, or null when it is JSON null; fails when it is missing.</summary>
    private static string? Nullable(JsonElement problem, string property) =>
        Assert.Contains(property, problem.EnumerateObject().ToDictionary(p => p.Name, p => p.Value)) is { ValueKind: JsonValueKind.Null } ? null : problem.GetProperty(property).GetString();
}
