using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MultiModel.ServiceDefaults.Emf;

/// <summary>
/// CloudWatch Embedded Metric Format (section <c>Metrics:Emf</c>): on by default on Lambda only, where nothing can
/// scrape the function and a line on stdout costs no API call. See docs/observability.md.
/// </summary>
public sealed class EmfOptions
{
    /// <summary>Lambda's name for the function, in every function's environment: the <c>FunctionName</c> dimension.</summary>
    public const string FunctionNameKey = "AWS_LAMBDA_FUNCTION_NAME";

    public bool Enabled { get; set; } = Lambda.LambdaEnvironment.IsLambda;

    /// <summary>The CloudWatch namespace the metrics go to.</summary>
    [Required, MinLength(1), MaxLength(255)]
    public string Namespace { get; set; } = "MultiModel";

    /// <summary>
    /// Distinct group values (the ModelHost's model ids, the Router's rules) that become a dimension value per process;
    /// measurements of any further one are published with <c>FunctionName</c> only. Each value is a CloudWatch series
    /// per metric, paid for by the month.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxDimensionValues { get; set; } = 100;

    /// <summary>
    /// How often the gauges (memory, loads under way, drift) are read: at the first invocation, then at the first one
    /// this long after the last reading. Reading them costs more than the rest of an invocation's metrics together
    /// (resident memory is a read of /proc), and CloudWatch keeps one-minute resolution. Zero reads them every time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan GaugeInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Read from <see cref="FunctionNameKey"/>, not from this section.</summary>
    public string FunctionName { get; set; } = "";
}

/// <summary>The checks of <see cref="EmfOptions"/>' attributes, generated at build time instead of found by reflection.</summary>
[OptionsValidator]
public sealed partial class EmfOptionsValidator : IValidateOptions<EmfOptions>;
