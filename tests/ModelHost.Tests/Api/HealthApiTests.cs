using System.Net;
using MultiModel.ModelHost.Tests.Support;

namespace MultiModel.ModelHost.Tests.Api;

public sealed class HealthApiTests
{
    [Fact]
    public async Task Health_LiveAndReadyAnswerAtOurPathsAndTheOpenInferenceProtocolPaths()
    {
        using var app = new ModelHostApp();
        var client = app.CreateClient();

        foreach (var path in new[] { "/health/live", "/health/ready", "/v2/health/live", "/v2/health/ready" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.JsonAsync()).GetProperty(path.EndsWith("/live", StringComparison.Ordinal) ? "live" : "ready").GetBoolean());
        }

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PostAsync("/health/live", null)).StatusCode);
    }
}
