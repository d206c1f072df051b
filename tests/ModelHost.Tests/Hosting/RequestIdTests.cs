using System.Net;
using MultiModel.ModelHost.Tests.Support;

namespace MultiModel.ModelHost.Tests.Hosting;

/// <summary>A problem from the host carries the id its response gives in X-Request-Id (the middleware alone: ServiceDefaults.Tests).</summary>
public sealed class RequestIdTests
{
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
