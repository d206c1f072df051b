using Amazon.S3.Model;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Storage.S3;

public sealed partial class S3ModelStore
{
    /// <summary>The folders under the prefix, as S3 lists them with the delimiter "/": one request a page of ids, no object keys.</summary>
    public async Task<IReadOnlyList<string>> ListModelsAsync(CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request
        {
            BucketName = _options.Bucket,
            Prefix = _keys.Root,
            Delimiter = "/",
            MaxKeys = _options.ListPageSize,
        };
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        await ForEachPageAsync(request, "The list of models", page =>
        {
            foreach (var folder in page.CommonPrefixes ?? [])
            {
                if (_keys.ModelIdOf(folder) is var id && ModelIdRule.IsValid(id))
                {
                    ids.Add(id);
                }
            }
        }, cancellationToken);

        return [.. ids];
    }

    /// <summary>
    /// Hands every page of a listing to <paramref name="read"/>, following the continuation token while S3 says the
    /// listing is truncated; a failure becomes the store's own exception about <paramref name="subject"/>.
    /// </summary>
    private async Task ForEachPageAsync(ListObjectsV2Request request, string subject, Action<ListObjectsV2Response> read, CancellationToken cancellationToken)
    {
        try
        {
            do
            {
                var page = await _client.ListObjectsV2Async(request, cancellationToken);
                read(page);
                request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
            }
            while (request.ContinuationToken is not null);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw Translate(exception, subject, request.Prefix);
        }
    }
}
