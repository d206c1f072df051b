using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MultiModel.Router.Tests.Support;

namespace MultiModel.Router.Tests.Health;

public sealed class HealthTests
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Get_RulesLoaded_200WithJsonStatus(string path)
    {
        await using var router = new RouterFactory(new Dictionary<string, string?>());

        using var response = await router.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await response.Content.ReadFromJsonAsync<JsonElement>()).Text("status"));
    }

    [Fact]
    public async Task GetReady_RulesLoaded_ReportsRuleCountAndSource()
    {
        await using var router = new RouterFactory(new Dictionary<string, string?>());

        var body = await router.CreateClient().GetFromJsonAsync<JsonElement>("/health/ready");

        var rules = body.GetProperty("checks").GetProperty("rules");
        Assert.Equal("1 rules in force, 0 skipped", rules.Text("description"));
        Assert.StartsWith("file:", rules.GetProperty("data").Text("source"), StringComparison.Ordinal);
    }
}
