using System.Diagnostics;
using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Storage.DiskTier;

namespace MultiModel.ModelHost.Storage.S3;

/// <summary>
/// Models in an S3 bucket, laid out as <c>{prefix}{id}/{version}/model.onnx</c> (+ <c>labels.json</c>). Uploading a new
/// version makes it servable on its next request; nothing is cached here (the memory cache and the disk tier do that).
/// </summary>
public sealed partial class S3ModelStore : IModelStore, IModelFileFetcher
{
    private const long MaxSidecarBytes = 1024 * 1024;
    private readonly IAmazonS3 _client;
    private readonly S3ModelStoreOptions _options;
    private readonly ILogger<S3ModelStore> _logger;
    private readonly S3ModelKeys _keys;
    private readonly S3ErrorTranslator _errors;
    private readonly S3ObjectDownloader _downloader;

    /// <param name="client">Built from <see cref="S3ClientConfigFactory"/>; the caller owns and disposes it.</param>
    public S3ModelStore(IAmazonS3 client, S3ModelStoreOptions options, ILogger<S3ModelStore> logger)
    {
        _client = client;
        _options = options;
        _logger = logger;
        _keys = new S3ModelKeys(options.Prefix);
        _errors = new S3ErrorTranslator(options.Bucket, options.RetryAfter);
        _downloader = new S3ObjectDownloader(client, options, _errors);
    }

    public async Task<IReadOnlyList<int>> ListVersionsAsync(string modelId, CancellationToken cancellationToken)
    {
        // The API checks ids too, but a store must not depend on that: an id the rule refuses could address keys
        // outside its own folder, and names no model.
        if (!ModelIdRule.IsValid(modelId))
        {
            return [];
        }

        var request = new ListObjectsV2Request
        {
            BucketName = _options.Bucket,
            Prefix = _keys.ModelFolder(modelId),
            MaxKeys = _options.ListPageSize,
        };
        var versions = new SortedSet<int>();
        await ForEachPageAsync(request, $"Model '{modelId}'", page =>
        {
            foreach (var s3Object in page.S3Objects ?? [])
            {
                if (_keys.VersionOf(modelId, s3Object.Key) is > 0 and var version)
                {
                    versions.Add(version);
                }
            }
        }, cancellationToken);

        return [.. versions];
    }

    public Task<ModelArtifact> FetchAsync(ModelRef model, long maxBytes, CancellationToken cancellationToken) =>
        FetchCoreAsync(model, maxBytes, _ => null, cancellationToken);

    public Task<ModelArtifact> FetchAsync(ModelRef model, long maxBytes, Func<long, string?> destination, CancellationToken cancellationToken) =>
        FetchCoreAsync(model, maxBytes, destination, cancellationToken);

    public async Task<bool> IsUnchangedAsync(ModelRef model, string etag, CancellationToken cancellationToken)
    {
        if (!ModelIdRule.IsValid(model.Id))
        {
            return false;
        }

        var tags = ArtifactETag.Parse(etag);
        var modelCheck = HasETagAsync(_keys.Model(model), tags.Model, cancellationToken);
        var sidecarCheck = HasETagAsync(_keys.Sidecar(model), tags.Sidecar, cancellationToken);
        await ((Task)Task.WhenAll(modelCheck, sidecarCheck)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return await modelCheck && await sidecarCheck;
    }

    /// <param name="destination">The file for the model given its size with its data files; null for memory.</param>
    private async Task<ModelArtifact> FetchCoreAsync(ModelRef model, long maxBytes, Func<long, string?> destination, CancellationToken cancellationToken)
    {
        if (!ModelIdRule.IsValid(model.Id))
        {
            throw new ModelNotFoundException($"Model '{model.Id}' does not exist: the id cannot name an S3 folder.");
        }

        var key = _keys.Model(model);
        var started = Stopwatch.GetTimestamp();
        var sidecar = ReadSidecarAsync(model, cancellationToken);
        DownloadedObject downloaded;
        string? modelPath = null;
        IReadOnlyList<DataFile> dataFiles = [];
        try
        {
            dataFiles = await ListDataFilesAsync(model, cancellationToken);
            var dataBytes = dataFiles.Sum(file => file.Size);
            downloaded = await DownloadAsync(model, key, maxBytes - dataBytes, size =>
            {
                modelPath = destination(size + dataBytes);
                return modelPath is not null ? new FileDownloadTarget(modelPath, size)
                    : dataFiles.Count == 0 ? new MemoryDownloadTarget(size)
                    : throw NeedsTheDiskTier(model, dataFiles, size + dataBytes);
            }, cancellationToken, tooLarge: size => TooLarge(model, size + dataBytes, maxBytes));
        }
        catch
        {
            await ((Task)sidecar).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        using var target = downloaded.Target;
        var (labels, labelsETag) = await sidecar;
        var artifact = target.ToArtifact(model, downloaded.Size, ArtifactETag.Format(downloaded.ETag, labelsETag), labels);
        if (dataFiles.Count > 0)
        {
            var (paths, bytes) = await DownloadDataFilesAsync(model, dataFiles, modelPath!, cancellationToken);
            artifact = artifact with { SizeBytes = downloaded.Size + bytes, DataFiles = paths };
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        LogFetched(model.Id, model.Version, artifact.SizeBytes, downloaded.Parts, elapsed.TotalMilliseconds);
        return artifact with { Download = new ModelDownload(artifact.SizeBytes, elapsed) };
    }

    private async Task<DownloadedObject> DownloadAsync(
        ModelRef model, string key, long maxBytes, Func<long, DownloadTarget> targetForSize, CancellationToken cancellationToken,
        Func<long, Exception>? tooLarge = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _downloader.DownloadAsync(key, maxBytes, targetForSize, tooLarge ?? (size => TooLarge(model, size, maxBytes)), cancellationToken);
            }
            catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.PreconditionFailed && attempt == 1)
            {
                LogOverwrittenDuringDownload(model.Id, model.Version); // a ranged part saw a newer ETag: start over once
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                var translated = Translate(exception, $"Model '{model.Id}' version {model.Version}", key);
                if (ReferenceEquals(translated, exception))
                {
                    throw;
                }

                throw translated;
            }
        }
    }

    public async Task<byte[]?> ReadRolloutPolicyAsync(string modelId, CancellationToken cancellationToken)
    {
        if (!ModelIdRule.IsValid(modelId))
        {
            return null;
        }

        var key = _keys.RolloutPolicy(modelId);
        try
        {
            using var response = await _client.GetObjectAsync(new GetObjectRequest { BucketName = _options.Bucket, Key = key }, cancellationToken);
            if (response.ContentLength > IModelStore.MaxRolloutPolicyBytes)
            {
                throw new ModelLoadFailedException($"{key} is {response.ContentLength} bytes; a rollout policy is at most {IModelStore.MaxRolloutPolicyBytes}.");
            }

            using var buffer = new MemoryStream((int)Math.Max(0, response.ContentLength));
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound && exception.ErrorCode != "NoSuchBucket")
        {
            return null;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not ModelLoadFailedException)
        {
            throw Translate(exception, $"The rollout policy of {modelId}", key);
        }
    }

    private async Task<(ModelSidecar? Sidecar, string? ETag)> ReadSidecarAsync(ModelRef model, CancellationToken cancellationToken)
    {
        var key = _keys.Sidecar(model);
        try
        {
            using var response = await _client.GetObjectAsync(new GetObjectRequest { BucketName = _options.Bucket, Key = key }, cancellationToken);
            if (response.ContentLength > MaxSidecarBytes)
            {
                throw new ModelLoadFailedException($"The {ModelFiles.Sidecar} sidecar of {model} is {response.ContentLength} bytes; at most {MaxSidecarBytes} are read.");
            }

            var sidecar = await ModelSidecarReader.ReadAsync(response.ResponseStream, model, cancellationToken);
            return (sidecar, response.ETag);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound && exception.ErrorCode != "NoSuchBucket")
        {
            return (null, null);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not ModelLoadFailedException)
        {
            throw Translate(exception, $"The {ModelFiles.Sidecar} sidecar of {model}", key);
        }
    }

    /// <summary>A conditional HEAD: true when the object still has <paramref name="etag"/> (or is still absent when it is null).</summary>
    private async Task<bool> HasETagAsync(string key, string? etag, CancellationToken cancellationToken)
    {
        try
        {
            var request = new GetObjectMetadataRequest { BucketName = _options.Bucket, Key = key, EtagToNotMatch = etag };
            var response = await _client.GetObjectMetadataAsync(request, cancellationToken);
            // Some S3-compatible servers ignore If-None-Match on HEAD; comparing the ETag covers them.
            return response.HttpStatusCode == HttpStatusCode.NotModified || (etag is not null && response.ETag == etag);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotModified)
        {
            return true;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound && exception.ErrorCode != "NoSuchBucket")
        {
            return etag is null;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw Translate(exception, $"The object {key}", key);
        }
    }

    private Exception Translate(Exception exception, string what, string key)
    {
        var translated = _errors.Translate(exception, what, key);
        switch (translated)
        {
            case ModelStoreUnavailableException:
                LogUnavailable(exception, key);
                break;
            case ModelStoreAccessDeniedException:
                LogAccessDenied(exception, key);
                break;
        }

        return translated;
    }

    private static ModelTooLargeException TooLarge(ModelRef model, long size, long maxBytes) =>
        new($"Model {model} is {size} bytes in S3, which exceeds the cache budget of {maxBytes} bytes.");

    [LoggerMessage(EventId = 3001, EventName = "S3ModelFetched", Level = LogLevel.Information,
        Message = "Fetched {ModelId}/{Version} from S3: {SizeBytes} bytes in {Parts} part(s), {ElapsedMs:0.0} ms")]
    private partial void LogFetched(string modelId, int version, long sizeBytes, int parts, double elapsedMs);

    [LoggerMessage(EventId = 3002, EventName = "S3ModelOverwrittenDuringDownload", Level = LogLevel.Information,
        Message = "{ModelId}/{Version} was overwritten in S3 during its download; downloading it again")]
    private partial void LogOverwrittenDuringDownload(string modelId, int version);

    [LoggerMessage(EventId = 3003, EventName = "S3Unavailable", Level = LogLevel.Warning, Message = "S3 unavailable reading {Key}")]
    private partial void LogUnavailable(Exception exception, string key);

    [LoggerMessage(EventId = 3004, EventName = "S3AccessDenied", Level = LogLevel.Error, Message = "S3 refused access to {Key}")]
    private partial void LogAccessDenied(Exception exception, string key);
}
