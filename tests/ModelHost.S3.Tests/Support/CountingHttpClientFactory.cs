using Amazon.Runtime;

namespace MultiModel.ModelHost.S3.Tests.Support;

/// <summary>
/// Gives the real SDK client a real HttpClient whose handler records each request on its way to the server: this
/// counts actual traffic to radosgw, nothing is answered here.
/// </summary>
public sealed class CountingHttpClientFactory(RequestCounter counter) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        var client = new HttpClient(new CountingHandler(counter, new SocketsHttpHandler { MaxConnectionsPerServer = 64 }));
        if (clientConfig.Timeout is { } timeout)
        {
            client.Timeout = timeout;
        }

        return client;
    }

    private sealed class CountingHandler(RequestCounter counter, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            counter.Record(request.Method, Uri.UnescapeDataString(request.RequestUri!.AbsolutePath), Uri.UnescapeDataString(request.RequestUri.Query));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
