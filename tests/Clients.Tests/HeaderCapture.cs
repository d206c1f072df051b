namespace MultiModel.Clients.Tests;

/// <summary>Sits between a client's handlers and the network and keeps the headers each request left with.</summary>
internal sealed class HeaderCapture() : DelegatingHandler(new SocketsHttpHandler())
{
    public List<Dictionary<string, string>> Sent { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Sent.Add(request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
        return base.SendAsync(request, cancellationToken);
    }
}
