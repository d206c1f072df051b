using Amazon.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MultiModel.Router.Rules;
using MultiModel.TestSupport;
using Serilog.Core;

namespace MultiModel.Router.Tests.Support;

/// <summary>
/// The real router app in memory (TestServer) with test settings, a fake clock and a log sink. Its outgoing
/// requests are real HTTP to loopback backends.
/// </summary>
public sealed class RouterFactory(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

    public CapturingSink Logs { get; } = new();

    public RuleStore Store => Services.GetRequiredService<RuleStore>();

    /// <summary>Rules as one file, written to a temp folder, with the router pointed at it.</summary>
    public static RouterFactory WithRulesFile(string rulesJson, IDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("router-tests-").FullName, "routes.json");
        File.WriteAllText(path, rulesJson);
        var all = new Dictionary<string, string?>(extra ?? new Dictionary<string, string?>()) { ["Router:Rules:FilePath"] = path };
        return new RouterFactory(all, services);
    }

    /// <summary>Serves the router on real Kestrel (loopback) instead of TestServer, for wire-level behaviour such as
    /// chunked request bodies, which TestServer buffers.</summary>
    /// <remarks>
    /// Not UseKestrel(0): with a port the factory rewrites the server's addresses after building the app, racing
    /// Kestrel's own bind (dotnet/aspnetcore#67714, an intermittent InvalidOperationException). The port-0 URL is set
    /// as the app's own configuration instead, and Kestrel reports the port it bound.
    /// </remarks>
    public RouterFactory OnKestrel()
    {
        _onKestrel = true;
        UseKestrel();
        return this;
    }

    private bool _onKestrel;

    /// <summary>A content root other than the one the factory finds (the Router's project folder), e.g. a temp folder.</summary>
    public string? ContentRoot { get; init; }

    /// <summary>A plain HttpClient to the Kestrel address: the factory's own client buffers request bodies (to follow
    /// redirects), which would give every body a Content-Length.</summary>
    public HttpClient CreateWireClient() => new() { BaseAddress = CreateClient().BaseAddress };

    /// <summary>Advances the fake clock by the poll interval and waits until the read it makes due has been recorded.</summary>
    /// <remarks>The clock moves only when a test moves it, so a read recorded at the new time is the one it made due.</remarks>
    public async Task PollAsync(TimeSpan interval)
    {
        var due = Time.GetUtcNow() + interval;
        Time.Advance(interval);
        await Eventually.HoldsAsync(() => Store.Status.LastAttemptAt >= due, $"The rules read made due at {due:O} was not recorded.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (_onKestrel)
        {
            builder.UseUrls("http://127.0.0.1:0");
        }

        if (ContentRoot is not null)
        {
            builder.UseContentRoot(ContentRoot);
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:MultiModel.Router"] = "Information",
        }).AddInMemoryCollection(settings));
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Time);
            s.AddSingleton<ILogEventSink>(Logs);
            // Fixed test credentials: the default chain must never be consulted in tests.
            s.AddSingleton<AWSCredentials>(new SessionAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "test-session-token"));
            services?.Invoke(s);
        });
    }
}
