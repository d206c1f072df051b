using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MultiModel.Router.Tests.Support;

/// <summary>
/// A minimal app on real Kestrel at 127.0.0.1, on a port the OS picks (no window in which another process can take
/// it), started and answering; the tests' backends and stand-in servers are built on it.
/// </summary>
public static class LoopbackApp
{
    /// <param name="url">A fixed address instead (a target that comes back where it was).</param>
    public static async Task<(WebApplication App, string Url)> StartAsync(Action<WebApplication> configure, string url = "http://127.0.0.1:0")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        configure(app);
        await app.StartAsync();
        return (app, app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }
}
