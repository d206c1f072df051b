namespace MultiModel.ModelHost.Caching;

/// <summary>
/// The order in which one cache's models were last used, for least-recently-used eviction. One counter per cache,
/// not a static one that every cache in the process (tests and benchmarks make several) would share.
/// </summary>
internal sealed class UseOrder
{
    private long _last;

    public long Next() => Interlocked.Increment(ref _last);
}
