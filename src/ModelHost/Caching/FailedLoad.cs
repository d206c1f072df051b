namespace MultiModel.ModelHost.Caching;

/// <summary>A remembered load failure, replayed to callers until it expires.</summary>
internal sealed record FailedLoad(Exception Error, DateTimeOffset RetryAt);
