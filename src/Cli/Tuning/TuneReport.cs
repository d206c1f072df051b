namespace MultiModel.Cli.Tuning;

// The report of a tune as report.json holds it (camelCase), and as the terminal table and the HTML page show it.

/// <param name="LoadAverage">The machine's 1-minute load average as the tune ended: durations measured on a busy machine are longer.</param>
internal sealed record TuneReport(
    string Tool,
    DateTimeOffset MeasuredAt,
    double ElapsedSeconds,
    int MachineCores,
    double? LoadAverage,
    WorkloadReport Workload,
    PricesReport Prices,
    string Architecture,
    double ColdStartRate,
    decimal? AlwaysOnHourly,
    double HitRatioThreshold,
    double BalancedWeight,
    IReadOnlyList<SizeReport> Sizes,
    IReadOnlyList<RecommendationReport> Recommendations);

internal sealed record WorkloadReport(string Source, int Requests, int Seed, IReadOnlyList<string> Models);

internal sealed record PricesReport(string Region, string TakenOn, decimal X86PerGbSecond, decimal Arm64PerGbSecond, decimal PerMillionRequests);

/// <param name="EmulatedVcpus">The CPU quota the host ran under: <paramref name="Vcpus"/> capped at this machine's cores.</param>
/// <param name="PeakResidentBytes">The host process's peak resident memory (VmHWM).</param>
/// <param name="ThrottledPeriods">CPU quota periods in which the host used its whole quota and waited.</param>
/// <param name="DurationsFromHost">Requests whose duration is the host's own measure (its log); the rest are the client's.</param>
/// <param name="CgroupPeakBytes">The memory cgroup's peak usage: resident memory and the page cache the process caused, what the limit is enforced on.</param>
internal sealed record SizeReport(
    int MemoryMb,
    double Vcpus,
    double EmulatedVcpus,
    bool CpuCapped,
    long LimitBytes,
    bool Viable,
    double? InitMs,
    long? PeakResidentBytes,
    long? CgroupPeakBytes,
    long? BudgetBytes,
    double? HitRatio,
    long? Loads,
    long? Evictions,
    bool OomKilled,
    int Requests,
    int Errors,
    double? MeanWarmMs,
    decimal? CostPerMillionX86,
    decimal? CostPerMillionArm64,
    CostReport? CostX86,
    CostReport? CostArm64,
    double? BreakEvenRequestsPerDay,
    long ThrottledPeriods,
    int DurationsFromHost,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<ModelReport> Models);

/// <summary>A million requests' price in its parts, USD.</summary>
internal sealed record CostReport(decimal Requests, decimal Duration, decimal ColdStarts, decimal Total);

/// <param name="ColdMs">The model's first request at this size: its load from the store and its run.</param>
internal sealed record ModelReport(
    string Id, int Requests, int Errors, double? ColdMs, double? P50Ms, double? P95Ms, double? P99Ms, decimal? CostPerMillionX86, decimal? CostPerMillionArm64);

/// <param name="MemoryMb">The size chosen; null when no size served the whole workload.</param>
internal sealed record RecommendationReport(string Strategy, int? MemoryMb, string Why);
