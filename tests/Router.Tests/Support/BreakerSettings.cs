namespace MultiModel.Router.Tests.Support;

/// <summary>A circuit breaker that opens after 3 calls with half of them failed, for 15 s: quick to trip in a test.</summary>
public static class BreakerSettings
{
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(15);

    public static Dictionary<string, string?> Quick => new()
    {
        ["Router:Forwarding:BreakerMinimumThroughput"] = "3",
        ["Router:Forwarding:BreakerFailureRatio"] = "0.5",
        ["Router:Forwarding:BreakerBreakDuration"] = BreakDuration.ToString(),
    };
}
