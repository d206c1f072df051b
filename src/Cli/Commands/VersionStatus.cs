namespace MultiModel.Cli.Commands;

/// <summary>One version as status shows it.</summary>
/// <param name="Roles">What the policy makes of it: stable, candidate, shadow, previous-stable; empty for none.</param>
/// <param name="PublishedBy">From its publish.json; null for a version that did not come through publish.</param>
internal sealed record VersionStatus(int Version, IReadOnlyList<string> Roles, bool Published, DateTimeOffset? PublishedAt, string? PublishedBy, bool? GatesSkipped);
