using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using MultiModel.Router.Tests.Support;
using static MultiModel.Router.Tests.Support.RuleJson;

namespace MultiModel.Router.Tests.Forwarding;

/// <summary>IAM targets: the backend gets a SigV4 signature that an independent implementation agrees with.</summary>
public sealed class IamSigningTests : IAsyncLifetime
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"; // The one RouterFactory registers.
    private EchoBackend _backend = null!;

    public async Task InitializeAsync() => _backend = await EchoBackend.StartAsync("lambda");

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    private RouterFactory Router(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        RouterFactory.WithRulesFile(File(("iris", Exact("iris", Target(_backend.Url, auth: "iam", region: "eu-west-1")))), settings, services).OnKestrel();

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // Chunked: the router buffers it to hash it, then sends it with a length.
    public async Task Forward_IamTarget_SignatureMatchesIndependentRecomputation(bool knownLength)
    {
        await using var router = Router();
        using var client = router.CreateWireClient();
        var json = """{"inputs":[[5.1,3.5,1.4,0.2]]}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/models/iris/predict?b=2&a=1")
        {
            Content = knownLength ? new StringContent(json, Encoding.UTF8, "application/json") : new StreamingContent(json),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer caller-token");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "19990101T000000Z");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = _backend.Received.Single();
        var auth = SigV4Verifier.Parse(seen.Header("Authorization")!);
        Assert.Equal(("AKIDEXAMPLE", "eu-west-1", "lambda", "20261127"), (auth.AccessKey, auth.Region, auth.Service, auth.Date));
        Assert.Equal("20261127T120000Z", seen.Header("X-Amz-Date")); // The router's (fake) clock, not the caller's header.
        Assert.Equal("test-session-token", seen.Header("X-Amz-Security-Token"));
        Assert.Equal(["host", "x-amz-content-sha256", "x-amz-date", "x-amz-security-token"], auth.SignedHeaders.Where(h => h != "content-type"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(seen.Body)), seen.Header("X-Amz-Content-SHA256"));
        Assert.Equal(json, Encoding.UTF8.GetString(seen.Body));
        Assert.Equal(SigV4Verifier.Expected(seen, Secret), auth.Signature);
    }

    [Fact]
    public async Task Forward_IamTarget_TamperedBodyWouldNotVerify()
    {
        // Guards the check above: the recomputation really depends on the bytes received.
        await using var router = Router();
        using var client = router.CreateWireClient();

        using var response = await client.PostAsync("/models/iris/predict", new StringContent("{\"a\":1}"));

        var seen = _backend.Received.Single();
        var tampered = seen with { Body = Encoding.UTF8.GetBytes("{\"a\":2}") };
        Assert.NotEqual(SigV4Verifier.Parse(seen.Header("Authorization")!).Signature, SigV4Verifier.Expected(tampered, Secret));
    }

    [Fact]
    public async Task Forward_NoneTarget_NotSignedCallerAuthorizationPassesThrough()
    {
        await using var router = RouterFactory.WithRulesFile(File(("iris", Exact("iris", Target(_backend.Url)))));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/models/iris/predict");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer caller-token");

        using var response = await router.CreateClient().SendAsync(request);

        Assert.Equal("Bearer caller-token", _backend.Received.Single().Header("Authorization"));
        Assert.Null(_backend.Received.Single().Header("X-Amz-Date"));
    }

    [Fact]
    public async Task Forward_IamTargetBodyOverLimit_413ProblemNamesTheSetting()
    {
        await using var router = Router(new Dictionary<string, string?> { ["Router:Forwarding:MaxSignedBodyBytes"] = "1024" });
        using var client = router.CreateWireClient();

        using var response = await client.PostAsync("/models/iris/predict", new ByteArrayContent(new byte[2048]));

        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("Router:Forwarding:MaxSignedBodyBytes", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Empty(_backend.Received);
    }

    [Fact]
    public async Task Forward_IamTargetWithoutCredentials_500ProblemSaysWhyWithoutSecrets()
    {
        await using var router = Router(services: s => s.AddSingleton<AWSCredentials>(_ => throw new AmazonClientException("Failed to resolve AWS credentials.")));
        using var client = router.CreateWireClient();

        using var response = await client.PostAsync("/models/iris/predict", new StringContent("{}"));

        var problem = await response.ProblemAsync(HttpStatusCode.InternalServerError);
        Assert.Contains("no AWS credentials in the SDK's default chain", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Empty(_backend.Received);
    }

    [Fact]
    public async Task Forward_IamTargetRetried_EachAttemptSignedForItsOwnSend()
    {
        _backend.Respond = (ctx, n) =>
        {
            if (n > 1)
            {
                return Task.FromResult(false);
            }

            ctx.Response.StatusCode = 503;
            ctx.Response.Headers.RetryAfter = "0";
            return Task.FromResult(true);
        };
        await using var router = Router();
        using var client = router.CreateWireClient();

        using var response = await client.PostAsync("/models/iris/predict", new StringContent(Convert.ToHexString(RandomNumberGenerator.GetBytes(64))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _backend.Received.Count);
        Assert.All(_backend.Received, seen => Assert.Equal(SigV4Verifier.Expected(seen, Secret), SigV4Verifier.Parse(seen.Header("Authorization")!).Signature));
    }
}
