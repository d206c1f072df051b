namespace MultiModel.ModelHost.Rollout;

/// <summary>A version's live figures on this host since it started (or since the version joined the rollout).</summary>
/// <param name="Role">stable, candidate, shadow, or retired (named by the policy no more).</param>
/// <param name="Requests">Unpinned requests it answered, by status code.</param>
/// <param name="LatencyP50Ms">Median of its last 256 answered requests that found their model loaded.</param>
public sealed record VersionFiguresView(int Version, string Role, IReadOnlyDictionary<string, long> Requests, double? LatencyP50Ms, ShadowFiguresView? Shadow);

/// <summary>Its runs in the shadow of the answering version, and how far they agreed.</summary>
public sealed record ShadowFiguresView(long Runs, long Failed, long Skipped, double? LatencyP50Ms, double? MaxAbsDifference, double? Top1Agreement);
