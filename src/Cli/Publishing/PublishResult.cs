namespace MultiModel.Cli.Publishing;

/// <summary>What publish wrote.</summary>
/// <param name="PinnedStable">The version written as <c>{"stable": N}</c> to keep unpinned callers on it; null when nothing was pinned.</param>
/// <param name="Location">Where the version folder is: a path or an <c>s3://</c> key prefix.</param>
internal sealed record PublishResult(int Version, string Location, int? PinnedStable, PublishManifest Manifest);
