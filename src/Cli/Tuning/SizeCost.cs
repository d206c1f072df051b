namespace MultiModel.Cli.Tuning;

/// <summary>
/// The price of a million requests at one size on one architecture, in its three parts: the request charge, the
/// billed duration of requests served warm (reloads after evictions included), and the cold starts' share (the init
/// and each model's first load, times the cold-start rate).
/// </summary>
internal sealed record SizeCost(decimal Requests, decimal Duration, decimal ColdStarts)
{
    public decimal Total => Requests + Duration + ColdStarts;

    /// <summary>Requests a day below which the function costs less than <paramref name="hourly"/> always on.</summary>
    public double? BreakEvenRequestsPerDay(decimal? hourly) => hourly is { } price && Total > 0 ? (double)(price * 24m / (Total / 1_000_000m)) : null;
}
