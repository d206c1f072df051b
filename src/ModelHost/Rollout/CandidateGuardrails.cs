using System.Collections.Concurrent;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Rollout;

/// <summary>
/// Takes a candidate out of rotation by itself when, over its policy's window, its share of 5xx answers or its latency
/// against stable passes the policy's guardrails (<see cref="RolloutGuardrails"/>): logged once as a warning, counted
/// in the metrics, shown in <c>GET /models/{id}</c>, and cleared only by a new rollout. Each host judges its own
/// traffic; one that trips stops sending callers to the candidate at once, and the stack's alarm on the candidate's
/// metrics rolls the policy back for all of them.
/// </summary>
public sealed partial class CandidateGuardrails(TimeProvider time, RolloutMetrics metrics, ILogger<CandidateGuardrails> logger)
{
    private readonly ConcurrentDictionary<string, CandidateWatch> _watches = new(StringComparer.Ordinal);

    /// <summary>The trip that keeps <paramref name="candidate"/> out of rotation; null while it is in.</summary>
    public CandidateTrip? TripOf(string modelId, CandidateRollout candidate) =>
        _watches.TryGetValue(modelId, out var watch) && watch.IsFor(candidate) ? watch.Trip : null;

    /// <summary>A request of a model with a candidate, answered by stable or the candidate.</summary>
    /// <param name="latencyMs">Null for a request that waited for its model's load.</param>
    public void Record(VersionChoice choice, bool serverError, double? latencyMs)
    {
        if (choice.Policy is not { Candidate: { } candidate } policy || choice.Role is not (VersionRole.Stable or VersionRole.Candidate))
        {
            return;
        }

        var modelId = choice.Model.Id;
        var watch = _watches.AddOrUpdate(modelId,
            static (id, state) => new CandidateWatch(id, state.candidate, state.policy.GuardrailsOrDefault),
            static (id, existing, state) => existing.IsFor(state.candidate) ? existing : new CandidateWatch(id, state.candidate, state.policy.GuardrailsOrDefault),
            (candidate, policy));
        var trip = watch.Record(choice.Role, serverError, latencyMs, time.GetUtcNow());
        if (trip is not null)
        {
            LogTakenOut(modelId, trip.Version, trip.Reason);
            metrics.CandidateTakenOut(new ModelRef(modelId, trip.Version));
        }
    }

    [LoggerMessage(EventName = "CandidateTakenOutOfRotation", Level = LogLevel.Warning,
        Message = "Candidate {ModelId} v{Version} taken out of rotation: {Reason}; unpinned callers get stable until a new rollout")]
    private partial void LogTakenOut(string modelId, int version, string reason);
}
