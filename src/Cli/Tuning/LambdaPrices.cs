namespace MultiModel.Cli.Tuning;

/// <summary>
/// What Lambda charges: per GB-second of billed duration for each architecture, and per million requests. The default
/// is a dated copy of the public price list (<see cref="UsEast1"/>); every figure can be given on the command line.
/// </summary>
internal sealed record LambdaPrices(string Region, string TakenOn, decimal X86PerGbSecond, decimal Arm64PerGbSecond, decimal PerMillionRequests)
{
    /// <summary>
    /// us-east-1, on-demand, the first tier (the first 6 billion GB-seconds a month; later tiers are 10% and 20% less),
    /// as listed on 2026-12-06. Free tier left out: it is per account, not per function.
    /// </summary>
    public static LambdaPrices UsEast1 { get; } = new("us-east-1", "2026-12-06", 0.0000166667m, 0.0000133334m, 0.20m);

    public decimal PerGbSecond(CpuArchitecture architecture) => architecture == CpuArchitecture.Arm64 ? Arm64PerGbSecond : X86PerGbSecond;
}
