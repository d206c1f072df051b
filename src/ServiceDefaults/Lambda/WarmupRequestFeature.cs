namespace MultiModel.ServiceDefaults.Lambda;

/// <summary>
/// Marks a request the init-phase warm-up made up (<see cref="ILambdaWarmup"/>). Only the warm-up server sets it, never
/// from anything a caller sends, so a caller cannot hide traffic: what records real traffic (drift, capture, metrics,
/// the per-request log) skips a request that has it.
/// </summary>
public sealed class WarmupRequestFeature
{
    public static readonly WarmupRequestFeature Instance = new();

    private WarmupRequestFeature()
    {
    }

    public static bool IsSetOn(HttpContext context) => context.Features.Get<WarmupRequestFeature>() is not null;
}
