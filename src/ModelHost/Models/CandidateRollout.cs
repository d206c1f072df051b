using System.Text.Json.Serialization;

namespace MultiModel.ModelHost.Models;

/// <summary>A version given to <see cref="Percent"/> of the unpinned callers, optionally on a schedule of steps.</summary>
/// <param name="Percent">The share of unpinned callers it answers now, 0 to 100.</param>
/// <param name="Steps">The shares to move through, ascending, ending at 100; null for a fixed share.</param>
/// <param name="BakeSeconds">How long each step runs quietly before the next (the schedule's bake time).</param>
/// <param name="StartedAt">When this rollout began: a new one clears a guardrail that took the last one out of rotation.</param>
/// <param name="StepStartedAt">When the current step began, for the bake time.</param>
public sealed record CandidateRollout(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("percent")] double Percent,
    [property: JsonPropertyName("startedAt")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("steps")] IReadOnlyList<double>? Steps = null,
    [property: JsonPropertyName("bakeSeconds")] int BakeSeconds = 0,
    [property: JsonPropertyName("stepStartedAt")] DateTimeOffset? StepStartedAt = null);
