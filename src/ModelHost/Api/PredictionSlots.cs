using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MultiModel.ModelHost.Api;

/// <summary>
/// Bounds the predictions at work at once, and with them their working memory (the request body, its tensors, the
/// outputs), which the cache's budget does not count: without a bound, many clients with large requests push the
/// process past its memory however well the cache keeps its own. A request takes its slot before it reads its body
/// and before it takes its model, so a queue of requests holds no bodies and cannot keep evicted models in memory.
/// It keeps the slot while its model loads, because it keeps its checked body meanwhile (the body is checked first so
/// that a malformed one is refused without a load): a cold load does occupy a slot, which the bound on memory asks
/// for; on Lambda an instance serves one request at a time, so there no other request waits behind it. When the
/// queue is full the request gets 503 with Retry-After.
/// </summary>
public sealed class PredictionSlots : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;
    private readonly RequestOptions _options;

    public PredictionSlots(IOptions<RequestOptions> options)
    {
        _options = options.Value;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _options.MaxConcurrentPredictions,
            QueueLimit = _options.MaxQueuedPredictions,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>A slot, held until the response is written; throws <see cref="PredictionsBusyException"/> when the queue is full.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        var slot = await _limiter.AcquireAsync(1, cancellationToken);
        if (slot.IsAcquired)
        {
            return slot;
        }

        slot.Dispose();
        throw new PredictionsBusyException(
            $"{_options.MaxConcurrentPredictions} predictions are running and {_options.MaxQueuedPredictions} more are waiting, the most this host takes " +
            $"({RequestOptions.SectionName}:MaxConcurrentPredictions and MaxQueuedPredictions); retry shortly.",
            TimeSpan.FromSeconds(1));
    }

    public void Dispose() => _limiter.Dispose();
}
