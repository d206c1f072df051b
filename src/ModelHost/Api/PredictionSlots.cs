using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MultiModel.ModelHost.Api;

/// <summary>
/// Bounds the predictions at work at once, and with them their working memory (the request body, its tensors, the
/// outputs), which the cache's budget does not count: without a bound, many clients with large requests push the
/// process past its memory however well the cache keeps its own. A request takes its slot after its model is loaded
/// (waiting for a load takes no slot, so one slow load does not hold up requests for loaded models) and before its
/// body is read; a request that has to queue for a slot lets go of its model meanwhile, so that a queue of requests
/// cannot keep evicted models in memory. When the queue is full the request gets 503 with Retry-After.
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

    /// <summary>A slot if one is free now and nobody is queued for one; null otherwise.</summary>
    public RateLimitLease? TryAcquire()
    {
        var slot = _limiter.AttemptAcquire(1);
        if (slot.IsAcquired)
        {
            return slot;
        }

        slot.Dispose();
        return null;
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
