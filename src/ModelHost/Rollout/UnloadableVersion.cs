namespace MultiModel.ModelHost.Rollout;

/// <summary>A version unpinned requests passed over for a lower one because it failed to load, and why.</summary>
public sealed record UnloadableVersion(int Version, string Reason);
