using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace MultiModel.Router.Tests.Support;

/// <summary>
/// A real HTTP backend on 127.0.0.1 that records each request and answers 200 with JSON naming itself, unless
/// <see cref="Respond"/> says otherwise (hang, fail, abort).
/// </summary>
public sealed class EchoBackend : IAsyncDisposable
{
    private WebApplication _app = null!;
    private readonly Channel<ReceivedRequest> _arrivals = Channel.CreateUnbounded<ReceivedRequest>();

    private EchoBackend(string name) => Name = name;

    public string Name { get; }

    public string Url { get; private set; } = "";

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <summary>Custom answer for the Nth request (1-based); return false to fall through to the echo.</summary>
    public Func<HttpContext, int, Task<bool>>? Respond { get; set; }

    /// <param name="url">Where to listen; by default a port the OS picks.</param>
    public static async Task<EchoBackend> StartAsync(string name, string url = "http://127.0.0.1:0")
    {
        var backend = new EchoBackend(name);
        (backend._app, backend.Url) = await LoopbackApp.StartAsync(app => app.Run(backend.HandleAsync), url);
        return backend;
    }

    /// <summary>Waits for the next request to arrive (fails the test after 10 s rather than hanging it).</summary>
    public async Task<ReceivedRequest> NextArrivalAsync() =>
        await _arrivals.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var received = new ReceivedRequest(
            context.Request.Method,
            context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.ToArray());
        Received.Enqueue(received);
        _arrivals.Writer.TryWrite(received);

        if (Respond is { } respond && await respond(context, Received.Count))
        {
            return;
        }

        context.Response.Headers["X-Backend"] = Name;
        await context.Response.WriteAsJsonAsync(new Dictionary<string, object?>
        {
            ["backend"] = Name,
            ["method"] = received.Method,
            ["path"] = received.Path,
            ["requestId"] = received.Header("X-Request-Id"),
            ["bodyLength"] = received.Body.Length,
        }, JsonSerializerOptions.Web);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
