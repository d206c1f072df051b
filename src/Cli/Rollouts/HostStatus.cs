using System.Text.Json;

namespace MultiModel.Cli.Rollouts;

/// <summary>What a host said about a model (<c>GET {host}/models/{id}</c>), kept as it came: hosts of other builds say more or less.</summary>
/// <param name="Rollout">The response's <c>"rollout"</c> object (per-version figures, the guardrails' verdicts); null when it has none.</param>
/// <param name="Version">The version the host describes (the one it gives unpinned callers); null when it did not say.</param>
/// <param name="Error">Why there are no figures (unreachable, an error status); null when the host answered.</param>
internal sealed record HostStatus(string Url, int? StatusCode, int? Version, JsonElement? Rollout, string? Error);
