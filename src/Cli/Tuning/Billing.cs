namespace MultiModel.Cli.Tuning;

/// <summary>Lambda's billing arithmetic: duration rounded up to the next millisecond, times memory in GB, times the price.</summary>
internal static class Billing
{
    /// <summary>A request's billed milliseconds: its duration rounded up to a whole millisecond, at least 1.</summary>
    public static long BilledMilliseconds(double milliseconds) => Math.Max(1, (long)Math.Ceiling(milliseconds));

    /// <summary>GB-seconds of a request of <paramref name="milliseconds"/> at <paramref name="memoryMb"/> (GB as Lambda counts it: 1,024 MB).</summary>
    public static decimal GbSeconds(int memoryMb, double milliseconds) => memoryMb / 1024m * BilledMilliseconds(milliseconds) / 1000m;
}
