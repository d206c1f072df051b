using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging.Abstractions;
using MultiModel.ModelHost.S3.Tests.Support;
using MultiModel.ModelHost.Storage.S3;

namespace MultiModel.S3.Benchmarks;

/// <summary>The loopback radosgw, its bucket, and clients configured exactly as the store's registration does.</summary>
internal sealed class BenchBucket(RadosgwServer server) : IDisposable
{
    public const string Name = "bench";

    public RadosgwServer Server { get; } = server;

    public AmazonS3Client Client { get; } = CreateClient(server, Options(server));

    public static S3ModelStoreOptions Options(RadosgwServer server) => new() { Bucket = Name, ServiceUrl = server.ServiceUrl };

    public S3ModelStoreOptions Options() => Options(Server);

    public static AmazonS3Client CreateClient(RadosgwServer server, S3ModelStoreOptions options) =>
        new(new BasicAWSCredentials(server.AccessKey, server.SecretKey), S3ClientConfigFactory.Create(options));

    /// <summary>A store with its own client (and so its own connection pool), as a fresh host would have.</summary>
    public (S3ModelStore Store, IDisposable Client) NewStore(S3ModelStoreOptions options)
    {
        var client = CreateClient(Server, options);
        return (new S3ModelStore(client, options, NullLogger<S3ModelStore>.Instance), client);
    }

    public Task PutAsync(string key, byte[] bytes) =>
        Client.PutObjectAsync(new PutObjectRequest { BucketName = Name, Key = key, InputStream = new MemoryStream(bytes), UseChunkEncoding = false });

    public void Dispose() => Client.Dispose();
}
