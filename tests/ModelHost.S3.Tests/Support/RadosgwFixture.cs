using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging.Abstractions;
using MultiModel.ModelHost.Storage.S3;

namespace MultiModel.ModelHost.S3.Tests.Support;

/// <summary>
/// One radosgw for the whole assembly (it takes ~11 s to start) with one bucket. Tests keep apart by using their own
/// model ids. The keys are also exported as AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, so stores built by the app's own
/// registration find them through the SDK's default credential chain, as on Lambda.
/// </summary>
public sealed class RadosgwFixture : IAsyncLifetime
{
    public const string Bucket = "models";

    private RadosgwServer? _server;
    private AmazonS3Client? _admin;

    public RadosgwServer Server => _server ?? throw new InvalidOperationException("not started");

    /// <summary>A client for arranging tests (uploads, deletes); the store under test always gets its own.</summary>
    public IAmazonS3 Admin => _admin ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _server = await RadosgwServer.StartAsync();
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", _server.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", _server.SecretKey);
        _admin = CreateClient(Options());
        await _admin.PutBucketAsync(Bucket);
    }

    public async Task DisposeAsync()
    {
        _admin?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public S3ModelStoreOptions Options(string prefix = "") => new()
    {
        Bucket = Bucket,
        Prefix = prefix,
        ServiceUrl = Server.ServiceUrl,
        RequestTimeout = TimeSpan.FromSeconds(5),
        ReadTimeout = TimeSpan.FromSeconds(5),
        MaxErrorRetry = 1,
    };

    /// <summary>A real SDK client configured exactly as the store's registration does, optionally counting its requests.</summary>
    public AmazonS3Client CreateClient(S3ModelStoreOptions options, RequestCounter? counter = null, string? secretKey = null)
    {
        var config = S3ClientConfigFactory.Create(options);
        if (counter is not null)
        {
            config.HttpClientFactory = new CountingHttpClientFactory(counter);
        }

        return new AmazonS3Client(new BasicAWSCredentials(Server.AccessKey, secretKey ?? Server.SecretKey), config);
    }

    public StoreUnderTest CreateStore(S3ModelStoreOptions? options = null, string? secretKey = null)
    {
        var counter = new RequestCounter();
        options ??= Options();
        var client = CreateClient(options, counter, secretKey);
        return new StoreUnderTest(new S3ModelStore(client, options, NullLogger<S3ModelStore>.Instance), client, counter);
    }

    public Task PutAsync(string key, byte[] bytes) =>
        Admin.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Bucket,
            Key = key,
            InputStream = new MemoryStream(bytes),
            // radosgw answers 400 to the SDK's default aws-chunked upload (shared/notes/environment.md).
            UseChunkEncoding = false,
        });

    public async Task PutModelAsync(string id, int version, byte[] model, string? labelsJson = null, string prefix = "")
    {
        await PutAsync($"{prefix}{id}/{version}/model.onnx", model);
        if (labelsJson is not null)
        {
            await PutAsync($"{prefix}{id}/{version}/labels.json", System.Text.Encoding.UTF8.GetBytes(labelsJson));
        }
    }

    public static string NewId(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];
}
