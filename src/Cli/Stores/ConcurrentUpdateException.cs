namespace MultiModel.Cli.Stores;

/// <summary>
/// The store changed between the tool's read and its write: another <c>rollout.json</c> was written, or a version
/// folder appeared under the number being published. Nothing was overwritten; running the verb again reads anew.
/// </summary>
internal sealed class ConcurrentUpdateException(string message, Exception? inner = null) : Exception(message, inner);
