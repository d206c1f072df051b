using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Rollout;

/// <summary>
/// One rollout's guardrail: the candidate's last requests (5xx or not, and the latency of those that found their model
/// loaded) beside stable's latencies, judged after every candidate request once there are enough. Once tripped it stays
/// tripped: only a new rollout (another candidate, or the same one started again) makes a new watch.
/// </summary>
internal sealed class CandidateWatch(string modelId, CandidateRollout candidate, RolloutGuardrails guardrails)
{
    private readonly bool[] _failed = new bool[guardrails.WindowRequests];
    private readonly LatencyWindow _candidateLatency = new(guardrails.WindowRequests);
    private readonly LatencyWindow _stableLatency = new(guardrails.WindowRequests);
    private readonly Lock _gate = new();
    private int _next;
    private int _count;

    public string ModelId { get; } = modelId;

    public CandidateTrip? Trip { get; private set; }

    public bool IsFor(CandidateRollout other) => other.Version == candidate.Version && other.StartedAt == candidate.StartedAt;

    /// <summary>Adds a request's outcome; returns the trip when this one tripped the guardrail.</summary>
    public CandidateTrip? Record(VersionRole role, bool serverError, double? latencyMs, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (Trip is not null)
            {
                return null;
            }

            if (role == VersionRole.Stable)
            {
                AddLatency(_stableLatency, latencyMs);
                return null;
            }

            _failed[_next] = serverError;
            _next = (_next + 1) % _failed.Length;
            _count = Math.Min(_count + 1, _failed.Length);
            AddLatency(_candidateLatency, latencyMs);
            return _count < guardrails.MinRequests ? null : Judge(now);
        }
    }

    private CandidateTrip? Judge(DateTimeOffset now)
    {
        var errorPercent = 100.0 * _failed.AsSpan(0, _count).Count(true) / _count;
        var (candidateMs, stableMs) = (_candidateLatency.Median(), _stableLatency.Median());
        double? latencyRatio = _candidateLatency.Count >= guardrails.MinRequests && _stableLatency.Count >= guardrails.MinRequests
            ? candidateMs / Math.Max(stableMs, 1e-3)
            : null;
        string? reason = null;
        if (errorPercent > guardrails.MaxErrorPercent)
        {
            reason = $"{errorPercent:0.#}% of its last {_count} requests failed with a 5xx, over the {guardrails.MaxErrorPercent}% allowed";
        }
        else if (latencyRatio > guardrails.MaxLatencyRatio && candidateMs - stableMs >= guardrails.MinLatencyIncreaseMs)
        {
            reason = $"its median latency is {latencyRatio:0.##}x stable's ({candidateMs:0.###} ms against {stableMs:0.###} ms) over the last {_count} requests, " +
                $"over the {guardrails.MaxLatencyRatio}x allowed";
        }

        return reason is null ? null : Trip = new CandidateTrip(candidate.Version, candidate.StartedAt, now, reason, _count, errorPercent, latencyRatio);
    }

    private static void AddLatency(LatencyWindow window, double? latencyMs)
    {
        if (latencyMs is { } ms)
        {
            window.Add(ms);
        }
    }
}
