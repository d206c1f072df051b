using System.ComponentModel.DataAnnotations;

namespace MultiModel.Router.Logging;

/// <summary>
/// Which per-request <c>Forwarded</c> lines are written (section <c>Router:Logging</c>). Every line of a request the
/// caller got 4xx or 5xx for, or that took <see cref="SlowUpstream"/> or longer, is written; of the rest, one in
/// <see cref="SuccessSampleEvery"/>. Each line cost about 5 µs and 4 KB (bench/Router.Benchmarks), as much as the rest
/// of the router's own work; the requests themselves are all counted in the metrics, and the lines left out too.
/// </summary>
public sealed class RequestLogOptions
{
    public const string SectionName = "Router:Logging";
    private const string Message = SectionName + ":{0} must be between {1} and {2}.";

    /// <summary>Write one line in this many of fast successful requests; 1 writes every line.</summary>
    [Range(1, 1_000_000, ErrorMessage = Message)]
    public int SuccessSampleEvery { get; set; } = 10;

    /// <summary>A request whose target took this long or longer is always logged.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = Message)]
    public TimeSpan SlowUpstream { get; set; } = TimeSpan.FromSeconds(1);
}
