using System.Collections.Concurrent;

namespace MultiModel.ModelHost.S3.Tests.Support;

/// <summary>Every HTTP request the SDK really sent, by method and path (path-style: /bucket/key).</summary>
public sealed class RequestCounter
{
    private readonly ConcurrentQueue<(HttpMethod Method, string Path)> _requests = new();

    public void Record(HttpMethod method, string path) => _requests.Enqueue((method, path));

    public int Count(HttpMethod method, string? keySuffix = null) =>
        _requests.Count(request => request.Method == method && (keySuffix is null || request.Path.EndsWith(keySuffix, StringComparison.Ordinal)));

    public int Total => _requests.Count;

    public void Clear() => _requests.Clear();
}
