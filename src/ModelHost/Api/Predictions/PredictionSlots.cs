using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MultiModel.ModelHost.Api.Predictions;

/// <summary>
/// Bounds the predictions at work at once, and with them their working memory (the request body, its tensors, the
/// outputs), which the cache's budget does not count: without a bound, many clients with large requests push the
/// process past its memory however well the cache keeps its own. A request takes its slot before it reads its body
/// and before it takes its model, so a queue of requests holds no bodies and cannot keep evicted models in memory.
/// A request whose model is not loaded checks its body first (so that a malformed one is refused without a load) and
/// then gives its slot up while the model loads, keeping only the body, so that requests for loaded models are not
/// held up behind cold loads; at most <see cref="PredictionLimits.MaxPredictionsAwaitingLoad"/> do so at once, which
/// bounds the bodies held that way, and past them a request keeps its slot through the load. When the queue is full
/// the request gets 503 with Retry-After.
/// </summary>
public sealed class PredictionSlots : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;
    private readonly ConcurrencyLimiter _awaitingLoad;
    private readonly PredictionLimits _options;

    public PredictionSlots(IOptions<PredictionLimits> options)
    {
        _options = options.Value;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _options.MaxConcurrentPredictions,
            QueueLimit = _options.MaxQueuedPredictions,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _awaitingLoad = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, _options.MaxPredictionsAwaitingLoad),
            QueueLimit = 0,
        });
    }

    /// <summary>
    /// Requests waiting for a slot now. Read-only and not on the request path: it lets a test wait until a request is
    /// really queued, instead of sleeping and hoping it got there.
    /// </summary>
    public long QueuedCount => _limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

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
            $"({PredictionLimits.SectionName}:MaxConcurrentPredictions and MaxQueuedPredictions); retry shortly.",
            TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// Leave to wait for a cold model without a slot, held until the request has its slot back; null when
    /// <see cref="PredictionLimits.MaxPredictionsAwaitingLoad"/> requests already do (or it is 0): then keep the slot.
    /// </summary>
    public RateLimitLease? TryAwaitLoad()
    {
        if (_options.MaxPredictionsAwaitingLoad == 0)
        {
            return null;
        }

        var permit = _awaitingLoad.AttemptAcquire();
        if (permit.IsAcquired)
        {
            return permit;
        }

        permit.Dispose();
        return null;
    }

    /// <summary>
    /// A slot for work that must give way to callers (a shadow run): taken only if one is free now and no caller is
    /// queued for one (the limiter serves its queue oldest first, so an attempt fails while anyone waits); null otherwise.
    /// </summary>
    public RateLimitLease? TryAcquireIdle()
    {
        var slot = _limiter.AttemptAcquire();
        if (slot.IsAcquired)
        {
            return slot;
        }

        slot.Dispose();
        return null;
    }

    public void Dispose()
    {
        _limiter.Dispose();
        _awaitingLoad.Dispose();
    }
}
