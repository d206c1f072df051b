namespace MultiModel.ServiceDefaults.Lambda;

/// <summary>
/// A request an app wants served once during Lambda's init phase, so the first real invocation finds every code path
/// it takes already run (JIT, first-use metadata, lazily built state) instead of paying for them.
/// </summary>
/// <param name="Body">A JSON body, or null for none.</param>
public sealed record LambdaWarmupRequest(string Method, string Path, string? Body = null);
