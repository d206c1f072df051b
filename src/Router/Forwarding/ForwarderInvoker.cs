namespace MultiModel.Router.Forwarding;

/// <summary>
/// The HttpMessageInvoker YARP sends through. Not an HttpClient: HttpClient buffers responses, which YARP refuses.
/// One instance for the app's life; the handler chain never rotates (see PooledConnectionLifetime).
/// </summary>
public sealed class ForwarderInvoker(IHttpMessageHandlerFactory factory)
{
    /// <summary>The named HttpClient registration whose handler chain the invoker uses.</summary>
    public const string HttpClientName = "MultiModel.Router.Forwarder";

    private HttpMessageInvoker? _invoker;

    public HttpMessageInvoker Invoker =>
        LazyInitializer.EnsureInitialized(ref _invoker, () => new HttpMessageInvoker(factory.CreateHandler(HttpClientName), disposeHandler: false));
}
