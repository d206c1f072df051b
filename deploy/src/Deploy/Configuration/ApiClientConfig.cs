using System.ComponentModel.DataAnnotations;

namespace MultiModel.Deploy.Configuration;

/// <summary>
/// One caller of the REST API: its own API key and usage plan. Requests over the rate or burst get 429 at the edge,
/// past the quota 429 until the period ends; none of them reaches a function.
/// </summary>
internal sealed class ApiClientConfig
{
    [Required(ErrorMessage = SettingRules.NameMessage)]
    [RegularExpression(SettingRules.NamePattern, ErrorMessage = SettingRules.NameMessage)]
    public string Name { get; init; } = "";

    /// <summary>Steady requests per second.</summary>
    [Range(0.001, 10_000, ErrorMessage = SettingRules.RangeMessage)]
    public double RateLimit { get; init; } = 10;

    /// <summary>Requests allowed at once above the rate (the token bucket's size).</summary>
    [Range(1, 5_000, ErrorMessage = SettingRules.RangeMessage)]
    public int BurstLimit { get; init; } = 20;

    /// <summary>Requests per <see cref="QuotaPeriod"/>; null for no quota.</summary>
    [Range(1, int.MaxValue, ErrorMessage = SettingRules.RangeMessage)]
    public int? QuotaLimit { get; init; }

    [AllowedValues("DAY", "WEEK", "MONTH", ErrorMessage = "{0} must be 'DAY', 'WEEK' or 'MONTH'.")]
    public string QuotaPeriod { get; init; } = "MONTH";
}
