namespace MultiModel.Cli.Rollouts;

/// <summary>A rollout step that cannot be taken as asked (nothing to promote, a version the store lacks); nothing was written.</summary>
internal sealed class RolloutRefusedException(string message) : Exception(message);
