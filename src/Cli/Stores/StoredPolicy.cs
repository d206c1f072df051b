namespace MultiModel.Cli.Stores;

/// <summary>
/// A model's <c>rollout.json</c> as read, with the tag a write must still find to replace it: the S3 ETag, or the
/// local file's SHA-256. A write that finds another tag lost a race and is refused (<see cref="ConcurrentUpdateException"/>).
/// </summary>
internal sealed record StoredPolicy(byte[] Json, string Tag);
