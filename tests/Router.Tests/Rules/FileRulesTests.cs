using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MultiModel.Router.Tests.Support;
using MultiModel.TestSupport;
using static MultiModel.Router.Tests.Support.RuleJson;

namespace MultiModel.Router.Tests.Rules;

public sealed class FileRulesTests
{
    [Fact]
    public async Task Load_ShippedDefaultFile_RoutesEveryModelToLocalModelHost()
    {
        await using var router = new RouterFactory(new Dictionary<string, string?>());
        var view = await router.CreateClient().GetFromJsonAsync<JsonElement>("/router/rules");

        var rule = Assert.Single(view.GetProperty("rules").EnumerateArray());
        Assert.Equal("""{"kind":"glob","pattern":"*","specificity":0}""", rule.GetProperty("match").GetRawText());
        Assert.Equal("http://localhost:5000", Assert.Single(rule.GetProperty("targets").EnumerateArray()).Text("url"));
    }

    [Fact]
    public async Task Watch_FileReplaced_ReloadsWithoutWaitingForPoll()
    {
        await using var a = await EchoBackend.StartAsync("a");
        await using var b = await EchoBackend.StartAsync("b");
        await using var router = RouterFactory.WithRulesFile(File(("iris", Exact("iris", Target(a.Url)))));
        var client = router.CreateClient();
        Assert.Equal("a", await client.BackendOfAsync("iris"));
        var path = router.Services.GetRequiredService<IConfiguration>()["Router:Rules:FilePath"]!;
        var before = router.Store.Current!.Fingerprint;

        // Written beside and moved over, as editors and config tools do, so no reader sees half a file.
        System.IO.File.WriteAllText(path + ".tmp", File(("iris", Exact("iris", Target(b.Url)))));
        System.IO.File.Move(path + ".tmp", path, overwrite: true);
        await Eventually.HoldsAsync(() => router.Store.Current!.Fingerprint != before, "The replaced rules file was not reloaded.");

        Assert.Equal("b", await client.BackendOfAsync("iris"));
    }

    [Fact]
    public async Task Poll_FileBecomesInvalid_LastGoodRulesKeepRouting()
    {
        await using var a = await EchoBackend.StartAsync("a");
        await using var router = RouterFactory.WithRulesFile(File(("iris", Exact("iris", Target(a.Url)))));
        var client = router.CreateClient();
        var path = router.Services.GetRequiredService<IConfiguration>()["Router:Rules:FilePath"]!;

        System.IO.File.WriteAllText(path, "{ \"rules\": ");
        await router.PollAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("a", await client.BackendOfAsync("iris"));
        Assert.Contains("is not valid JSON", router.Store.Status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_RelativePathUnderContentRoot_ReadsAndWatchesTheContentRootFile()
    {
        // The content root holds its own routes.json, as src/Router does under `dotnet run`; the app folder (the test's
        // bin/, with the build's copy of the shipped file) holds another, which must not be the one that counts.
        await using var a = await EchoBackend.StartAsync("a");
        await using var b = await EchoBackend.StartAsync("b");
        var contentRoot = Directory.CreateTempSubdirectory("router-content-root-").FullName;
        var path = Path.Combine(contentRoot, "routes.json");
        System.IO.File.WriteAllText(path, File(("iris", Exact("iris", Target(a.Url)))));
        Assert.True(System.IO.File.Exists(Path.Combine(AppContext.BaseDirectory, "routes.json")), "The app folder's copy this test sets against is missing.");
        await using var router = new RouterFactory(new Dictionary<string, string?> { ["Router:Rules:FilePath"] = "routes.json" }) { ContentRoot = contentRoot };
        var client = router.CreateClient();

        Assert.Equal("a", await client.BackendOfAsync("iris"));
        var watched = Assert.Single(router.Logs.Named("RulesFileWatched"));
        Assert.Equal(path, CapturingSink.Scalar(watched, "RulesFile"));
        Assert.Equal("content root", CapturingSink.Scalar(watched, "Origin"));

        var before = router.Store.Current!.Fingerprint;
        System.IO.File.WriteAllText(path + ".tmp", File(("iris", Exact("iris", Target(b.Url)))));
        System.IO.File.Move(path + ".tmp", path, overwrite: true);
        await Eventually.HoldsAsync(() => router.Store.Current!.Fingerprint != before, "The edited content-root rules file was not reloaded.");
        Assert.Equal("b", await client.BackendOfAsync("iris"));
    }

    /// <remarks>Started directly, not through WebApplicationFactory: there a failing start sometimes surfaces as an
    /// ObjectDisposedException from the factory's deferred host instead of the start-up error.</remarks>
    [Fact]
    public async Task Start_RulesFileMissing_FailsNamingTheFile()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Router:Rules:FilePath"] = "/nonexistent/routes.json",
            ["urls"] = "http://127.0.0.1:0",
        });
        builder.AddRouter();
        await using var app = builder.Build();
        app.MapRouterApi();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        Assert.Contains("Rules file '/nonexistent/routes.json' could not be read", error.ToString(), StringComparison.Ordinal);
    }
}
