namespace MultiModel.ModelHost.Caching.ResponseCache;

/// <summary>A 200 answer as it was written: its body, the headers the format set, and when it was stored (for <c>Age</c>).</summary>
/// <param name="InferenceHeaderLength">Triton's <c>Inference-Header-Content-Length</c> when the answer carries binary outputs.</param>
public sealed record CachedResponse(byte[] Body, string ContentType, string? InferenceHeaderLength, DateTimeOffset StoredAt)
{
    /// <summary>
    /// What an entry is counted as: its body and a fixed allowance for the entry itself (MemoryCache's entry, the key,
    /// this record and its strings), so that a stream of tiny answers is bounded too.
    /// </summary>
    public long Size => Body.Length + EntryOverheadBytes;

    public const int EntryOverheadBytes = 512;
}
