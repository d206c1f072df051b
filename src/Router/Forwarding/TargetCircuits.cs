using System.Collections.Frozen;
using MultiModel.Router.Logging;
using MultiModel.Router.Rules;

namespace MultiModel.Router.Forwarding;

/// <summary>
/// Which targets' circuits are open, and until when, so that a request skips them before trying; Polly itself only
/// says so by throwing. Fed by each target's circuit breaker (<see cref="ForwardResilience"/>). Logs one Warning when
/// a target's circuit first opens and one Information when it closes again; re-opening after a failed trial call is
/// the same outage and is logged at Debug.
/// </summary>
public sealed class TargetCircuits(TimeProvider time, ILogger<TargetCircuits> logger)
{
    private readonly Lock _writeLock = new();

    // Copy on write: circuits change rarely and every request reads, without a lock.
    private FrozenDictionary<string, Outage> _outages = FrozenDictionary<string, Outage>.Empty;

    /// <summary>Bit i set: <c>rule.Targets[i]</c> has an open circuit now. <paramref name="soonest"/>: the shortest time
    /// until one of them admits a trial call.</summary>
    public uint OpenTargets(RouteRule rule, out TimeSpan soonest)
    {
        soonest = TimeSpan.MaxValue;
        var outages = Volatile.Read(ref _outages);
        if (outages.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var mask = 0u;
        for (var i = 0; i < rule.Targets.Count; i++)
        {
            if (outages.TryGetValue(rule.Targets[i].DestinationPrefix, out var outage) && outage.OpenUntil > now)
            {
                mask |= 1u << i;
                soonest = outage.OpenUntil - now < soonest ? outage.OpenUntil - now : soonest;
            }
        }

        return mask;
    }

    public void Opened(string target, TimeSpan breakDuration, string lastFailure)
    {
        var now = time.GetUtcNow();
        var until = breakDuration == TimeSpan.MaxValue ? DateTimeOffset.MaxValue : now + breakDuration;
        bool first;
        lock (_writeLock)
        {
            first = !_outages.TryGetValue(target, out var outage);
            Update(target, first ? new Outage(now, until) : outage with { OpenUntil = until });
        }

        if (first)
        {
            RouterLog.TargetCircuitOpened(logger, target, lastFailure, breakDuration.TotalSeconds);
        }
        else
        {
            RouterLog.TargetCircuitReopened(logger, target, lastFailure, breakDuration.TotalSeconds);
        }
    }

    /// <summary>A trial call is let through: requests may try the target again (Polly admits one, the rest fail over).</summary>
    public void HalfOpened(string target)
    {
        lock (_writeLock)
        {
            if (_outages.TryGetValue(target, out var outage))
            {
                Update(target, outage with { OpenUntil = DateTimeOffset.MinValue });
            }
        }
    }

    public void Closed(string target)
    {
        Outage outage;
        lock (_writeLock)
        {
            if (!_outages.TryGetValue(target, out outage))
            {
                return;
            }

            Update(target, null);
        }

        RouterLog.TargetCircuitClosed(logger, target, (time.GetUtcNow() - outage.Since).TotalSeconds);
    }

    private void Update(string target, Outage? outage)
    {
        var copy = new Dictionary<string, Outage>(_outages, StringComparer.Ordinal);
        if (outage is { } value)
        {
            copy[target] = value;
        }
        else
        {
            copy.Remove(target);
        }

        Volatile.Write(ref _outages, copy.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private readonly record struct Outage(DateTimeOffset Since, DateTimeOffset OpenUntil);
}
