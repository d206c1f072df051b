using System.Collections.Concurrent;

namespace MultiModel.ModelHost.S3.Tests.Support;

/// <summary>Every HTTP request the SDK really sent, by method, path (path-style: /bucket/key) and query.</summary>
public sealed class RequestCounter
{
    private readonly ConcurrentQueue<(HttpMethod Method, string Path, string Query)> _requests = new();

    public void Record(HttpMethod method, string path, string query) => _requests.Enqueue((method, path, query));

    public int Count(HttpMethod method, string? keySuffix = null) =>
        _requests.Count(request => request.Method == method && (keySuffix is null || request.Path.EndsWith(keySuffix, StringComparison.Ordinal)));

    /// <summary>ListObjectsV2 requests for keys under <paramref name="prefix"/>.</summary>
    public int Listings(string prefix) =>
        _requests.Count(request => request.Method == HttpMethod.Get && request.Query.Contains("list-type=2", StringComparison.Ordinal)
            && request.Query.Contains($"prefix={prefix}", StringComparison.Ordinal));

    public int Total => _requests.Count;

    public void Clear() => _requests.Clear();
}
