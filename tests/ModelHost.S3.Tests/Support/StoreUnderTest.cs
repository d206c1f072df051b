using Amazon.S3;
using MultiModel.ModelHost.Storage.S3;

namespace MultiModel.ModelHost.S3.Tests.Support;

/// <summary>An S3 store with its own real client, and the requests that client sent.</summary>
public sealed class StoreUnderTest(S3ModelStore store, IAmazonS3 client, RequestCounter requests) : IDisposable
{
    public S3ModelStore Store { get; } = store;

    public RequestCounter Requests { get; } = requests;

    public void Dispose() => client.Dispose();
}
