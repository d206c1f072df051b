using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MultiModel.ServiceDefaults;

namespace MultiModel.Router.Benchmarks;

/// <summary>The real router (its services and pipeline as Program.cs builds them) on Kestrel, one rule: every model to the backend.</summary>
public sealed class RouterHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _rulesDirectory;

    private RouterHost(WebApplication app, string url, string rulesDirectory)
    {
        _app = app;
        Url = url;
        _rulesDirectory = rulesDirectory;
    }

    public string Url { get; }

    public static async Task<RouterHost> StartAsync(string backendUrl, bool perRequestLogs)
    {
        var directory = Directory.CreateTempSubdirectory("router-bench-").FullName;
        var rules = Path.Combine(directory, "routes.json");
        var rule = new { match = new { glob = "*" }, targets = new[] { new { url = backendUrl } } };
        await File.WriteAllTextAsync(rules, System.Text.Json.JsonSerializer.Serialize(new { rules = new { all = rule } }));

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Router:Rules:FilePath"] = rules,
            // The production levels (src/Router/appsettings.json): one Information line per forwarded request.
            ["Serilog:MinimumLevel:Default"] = perRequestLogs ? "Information" : "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Warning",
            ["Serilog:MinimumLevel:Override:System.Net.Http"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.Extensions.Http"] = "Warning",
            ["Serilog:MinimumLevel:Override:Yarp"] = "Warning",
            ["Serilog:MinimumLevel:Override:Polly"] = "Warning",
        });
        builder.AddServiceDefaults();
        builder.AddRouter();
        var app = builder.Build();
        app.UseRouterPipeline();
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new RouterHost(app, url, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_rulesDirectory, recursive: true);
    }
}
