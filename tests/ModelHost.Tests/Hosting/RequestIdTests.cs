using MultiModel.ModelHost.Tests.Support;

namespace MultiModel.ModelHost.Tests.Hosting;

public sealed class RequestIdTests
{
    [Theory]
    [InlineData("router-abc-123", "router-abc-123")]
    [InlineData("has spaces", null)]
    [InlineData(null, null)]
    public async Task Request_WithOrWithoutAnId_AnswersWithTheCallersIdOrANewOne(string? sent, string? expected)
    {
        using var app = new ModelHostApp();
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        if (sent is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Request-Id", sent);
        }

        var response = await app.CreateClient().SendAsync(request);

        var answered = Assert.Single(response.Headers.GetValues("X-Request-Id"));
        if (expected is not null)
        {
            Assert.Equal(expected, answered);
        }
        else
        {
            Assert.Matches("^[0-9a-f]{32}$", answered);
        }
    }
}
