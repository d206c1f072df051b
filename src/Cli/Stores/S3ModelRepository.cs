using System.Globalization;
using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging.Abstractions;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Storage;
using MultiModel.ModelHost.Storage.S3;

namespace MultiModel.Cli.Stores;

/// <summary>
/// A bucket laid out as the host's <see cref="S3ModelStore"/> reads it (<c>{prefix}{id}/{version}/...</c>). Every
/// write is conditional: a version's files with <c>If-None-Match: *</c> (no file of a version is ever replaced), and
/// rollout.json with <c>If-Match</c> on the ETag it was read with, or <c>If-None-Match: *</c> when there was none.
/// </summary>
internal sealed class S3ModelRepository : IModelRepository
{
    private readonly IAmazonS3 _client;
    private readonly S3ModelStoreOptions _options;
    private readonly S3Uploader _uploader;

    /// <param name="client">Owned: disposed with this.</param>
    public S3ModelRepository(IAmazonS3 client, S3ModelStoreOptions options, long partSizeBytes)
    {
        _client = client;
        _options = options;
        Store = new S3ModelStore(client, options, NullLogger<S3ModelStore>.Instance);
        _uploader = new S3Uploader(client, options.Bucket, partSizeBytes);
    }

    public string Location => $"s3://{_options.Bucket}/{_options.Prefix}";

    public IModelStore Store { get; }

    /// <summary>The host's settings for this bucket, as environment variables: a host started with them reads what this reads.</summary>
    public IReadOnlyDictionary<string, string> HostSettings()
    {
        var section = S3ModelStoreOptions.SectionName.Replace(":", "__", StringComparison.Ordinal);
        var settings = new Dictionary<string, string> { ["ModelHost__Store__Kind"] = "S3", [$"{section}__Bucket"] = _options.Bucket, [$"{section}__Prefix"] = _options.Prefix ?? "" };
        if (_options.ServiceUrl is { } url)
        {
            settings[$"{section}__ServiceUrl"] = url;
        }

        if (_options.Region is { } region)
        {
            settings[$"{section}__Region"] = region;
        }

        return settings;
    }

    public async Task<int> HighestVersionFolderAsync(string modelId, CancellationToken cancellationToken)
    {
        var folder = ModelFolder(modelId);
        var request = new ListObjectsV2Request { BucketName = _options.Bucket, Prefix = folder, Delimiter = "/" };
        var highest = 0;
        do
        {
            var page = await S3Calls.RunAsync(() => _client.ListObjectsV2Async(request, cancellationToken), "list", _options.Bucket, folder);
            foreach (var prefix in page.CommonPrefixes ?? [])
            {
                highest = Math.Max(highest, ModelIds.StoredVersion(prefix.AsSpan(folder.Length).TrimEnd('/')));
            }

            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);

        return highest;
    }

    public async Task PublishAsync(ModelRef version, IReadOnlyList<VersionFile> files, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var folder = VersionFolder(version);
        var listing = new ListObjectsV2Request { BucketName = _options.Bucket, Prefix = folder, MaxKeys = 1 };
        var existing = await S3Calls.RunAsync(() => _client.ListObjectsV2Async(listing, cancellationToken), "list", _options.Bucket, folder);
        if (existing.S3Objects is { Count: > 0 })
        {
            throw VersionExists(version, existing.S3Objects[0].Key);
        }

        foreach (var file in files)
        {
            var key = folder + file.Name;
            try
            {
                await _uploader.UploadAsync(key, file.SourcePath, file.Bytes, progress, cancellationToken);
            }
            catch (ConcurrentUpdateException exception)
            {
                throw VersionExists(version, key, exception);
            }
        }
    }

    public async Task<byte[]?> ReadVersionFileAsync(ModelRef version, string name, CancellationToken cancellationToken) =>
        (await ReadAsync(VersionFolder(version) + name, cancellationToken))?.Json;

    public Task<StoredPolicy?> ReadPolicyAsync(string modelId, CancellationToken cancellationToken) =>
        ReadAsync(PolicyKey(modelId), cancellationToken);

    public async Task WritePolicyAsync(string modelId, byte[] json, StoredPolicy? replacing, CancellationToken cancellationToken)
    {
        var key = PolicyKey(modelId);
        if (replacing is null)
        {
            await PutPolicyAsync(key, json, request => request.IfNoneMatch = "*", "one was written meanwhile", cancellationToken);
            return;
        }

        try
        {
            await PutPolicyAsync(key, json, request => request.IfMatch = replacing.Tag, "another write", cancellationToken);
        }
        catch (ConcurrentUpdateException)
        {
            if (await CurrentTagAsync(key, cancellationToken) != replacing.Tag)
            {
                throw;
            }

            // The object still has the ETag read, yet the server refused it: radosgw 16 compares If-Match with the bare
            // ETag and refuses the quoted form S3 lists (and S3 itself takes). Asked again in its form; a write that
            // came in between still fails the condition.
            await PutPolicyAsync(key, json, request => request.IfMatch = replacing.Tag.Trim('"'), "another write", cancellationToken);
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task PutPolicyAsync(string key, byte[] json, Action<PutObjectRequest> condition, string race, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = _options.Bucket,
            Key = key,
            InputStream = new MemoryStream(json),
            ContentType = "application/json",
            UseChunkEncoding = false, // radosgw refuses aws-chunked uploads (shared/notes/environment.md)
        };
        condition(request);
        try
        {
            await S3Calls.RunAsync(() => _client.PutObjectAsync(request, cancellationToken), "write", _options.Bucket, key);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            throw new ConcurrentUpdateException($"s3://{_options.Bucket}/{key} changed since it was read ({race}); nothing was changed, run the command again.", exception);
        }
    }

    private async Task<string?> CurrentTagAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var head = await S3Calls.RunAsync(() => _client.GetObjectMetadataAsync(_options.Bucket, key, cancellationToken), "look at", _options.Bucket, key);
            return head.ETag;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<StoredPolicy?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await S3Calls.RunAsync(
                () => _client.GetObjectAsync(new GetObjectRequest { BucketName = _options.Bucket, Key = key }, cancellationToken), "read", _options.Bucket, key);
            if (response.ContentLength > IModelStore.MaxRolloutPolicyBytes)
            {
                throw new StoreException($"s3://{_options.Bucket}/{key} is {response.ContentLength} bytes; the tool reads at most {IModelStore.MaxRolloutPolicyBytes}.");
            }

            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
            return new StoredPolicy(buffer.ToArray(), response.ETag);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound && exception.ErrorCode != "NoSuchBucket")
        {
            return null;
        }
    }

    private string ModelFolder(string modelId) => $"{_options.Prefix}{modelId}/";

    private string VersionFolder(ModelRef version) => string.Create(CultureInfo.InvariantCulture, $"{_options.Prefix}{version.Id}/{version.Version}/");

    private string PolicyKey(string modelId) => ModelFolder(modelId) + RolloutPolicy.FileName;

    private ConcurrentUpdateException VersionExists(ModelRef version, string key, Exception? inner = null) =>
        new($"Version {version.Version} of '{version.Id}' already exists: s3://{_options.Bucket}/{key} is there (published meanwhile?); nothing was written over it.", inner);
}
