using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MultiModel.ServiceDefaults.Tests;

/// <summary>X-Request-Id in a pipeline of ServiceDefaults alone: the middleware first, as both apps put it, before a health endpoint.</summary>
public sealed class RequestIdMiddlewareTests
{
    [Theory]
    [InlineData("router-abc-123", "router-abc-123")]
    [InlineData("has spaces", null)]
    [InlineData("router-abc-123,second", null)]
    [InlineData(null, null)]
    public async Task Request_WithOrWithoutAnId_AnswersWithTheCallersIdOrANewOne(string? sent, string? expected)
    {
        await using var app = await StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        if (sent is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Request-Id", sent.Split(','));
        }

        var response = await app.GetTestClient().SendAsync(request);

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

    private static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddHealthChecks();
        var app = builder.Build();
        app.UseRequestIds();
        app.MapHealthEndpoints("/health", new HealthResponses((context, _) => context.Response.WriteAsync("Healthy")));
        await app.StartAsync();
        return app;
    }
}
