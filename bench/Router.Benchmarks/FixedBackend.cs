using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MultiModel.Router.Benchmarks;

/// <summary>
/// A stand-in model backend: reads the request body, answers a fixed small JSON body, as a warm ModelHost would
/// for a tiny model, without the inference cost that would hide the router's own.
/// </summary>
public sealed class FixedBackend : IAsyncDisposable
{
    public const string Body = """{"modelId":"iris","modelVersion":2,"outputs":[{"name":"Score.output","datatype":"float32","shape":[1,3],"data":[0.9952152,0.0047848383,8.518793E-13]}],"predictions":[{"label":"setosa","score":0.9952152,"belowThreshold":false}]}""";
    private readonly WebApplication _app;

    private FixedBackend(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<FixedBackend> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var payload = System.Text.Encoding.UTF8.GetBytes(Body);
        app.Run(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = payload.Length;
            await context.Response.Body.WriteAsync(payload);
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new FixedBackend(app, url);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
