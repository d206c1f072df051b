using System.Net;
using MultiModel.ModelHost.Tests.Support;

namespace MultiModel.ModelHost.Tests.Hosting;

public sealed class RequestIdTests
{
    [Theory]
    [InlineData("router-abc-123", "router-abc-123")]
    [InlineData("has spaces", null)]
    [InlineData("router-abc-123,second", null)]
    [InlineData(null, null)]
    public async Task Request_WithOrWithoutAnId_AnswersWithTheCallersIdOrANewOne(string? sent, string? expected)
    {
        using var app = new ModelHostApp();
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        if (sent is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Request-Id", sent.Split(','));
        }

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
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

    [Fact]
    public async Task Problem_AnyError_CarriesTheRequestIdOfTheResponse()
    {
        using var app = new ModelHostApp();

        var response = await app.CreateClient().GetAsync("/models/missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal(Assert.Single(response.Headers.GetValues("X-Request-Id")), problem.GetProperty("requestId").GetString());
    }
}
