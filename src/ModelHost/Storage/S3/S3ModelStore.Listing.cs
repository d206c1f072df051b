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
        try
        {
            do
            {
                var page = await _client.ListObjectsV2Async(request, cancellationToken);
                foreach (var folder in page.CommonPrefixes ?? [])
                {
                    if (_keys.ModelIdOf(folder) is var id && ModelIdRule.IsValid(id))
                    {
                        ids.Add(id);
                    }
                }

                request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
            }
            while (request.ContinuationToken is not null);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw Translate(exception, "The list of models", request.Prefix);
        }

        return [.. ids];
    }
}
