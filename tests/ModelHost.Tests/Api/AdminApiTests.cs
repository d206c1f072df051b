using System.Net;
using System.Net.Http.Json;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Api;

public sealed class AdminApiTests
{
    [Fact]
    public async Task AdminPrewarm_LoadsModelsAndReportsEachOutcome()
    {
        using var app = new ModelHostApp();
        app.AddModel("a", 1, TestModelFactory.Mlp(2, 4, 2));
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/admin/prewarm", new { models = new[] { "a", "nope", "a/x" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcomes = (await response.JsonAsync()).EnumerateArray().ToDictionary(o => o.GetProperty("model").GetString()!, o => o.GetProperty("status").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["a"] = 200, ["nope"] = 404, ["a/x"] = 400 }, outcomes);
        Assert.Equal(1, app.Store.FetchCount("a"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/admin/prewarm", new { models = Array.Empty<string>() })).StatusCode);
    }
}
