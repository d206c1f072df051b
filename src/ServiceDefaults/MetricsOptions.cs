using MultiModel.ServiceDefaults.Emf;

namespace MultiModel.ServiceDefaults;

/// <summary>
/// Where metrics go (section <c>Metrics</c>). Read while services are registered, because it decides what is
/// registered: with neither exporter on, no OpenTelemetry pipeline exists and instruments cost a branch each.
/// </summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>OpenTelemetry's own setting: an OTLP exporter is added only when it names a collector.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public PrometheusOptions Prometheus { get; set; } = new();

    /// <summary>CloudWatch Embedded Metric Format on stdout (Lambda's exporter); needs no OpenTelemetry pipeline.</summary>
    public EmfOptions Emf { get; set; } = new();

    /// <summary>Set from <see cref="OtlpEndpointKey"/>, not from this section.</summary>
    public bool Otlp { get; set; }

    public bool Enabled => Prometheus.Enabled || Otlp;

    public sealed class PrometheusOptions
    {
        /// <summary>
        /// Serve a scrape endpoint. Off by default on Lambda, where nothing can scrape a function between invocations;
        /// on elsewhere.
        /// </summary>
        public bool Enabled { get; set; } = !Lambda.LambdaEnvironment.IsLambda;

        public string Path { get; set; } = "/metrics";
    }

    public static MetricsOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<MetricsOptions>() ?? new MetricsOptions();
        options.Otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        if (!options.Prometheus.Path.StartsWith('/'))
        {
            throw new InvalidOperationException($"{SectionName}:Prometheus:Path is '{options.Prometheus.Path}'; it must start with '/'.");
        }

        options.Emf.FunctionName = configuration[EmfOptions.FunctionNameKey] ?? "";
        ValidateEmf(options.Emf);

        return options;
    }

    private static void ValidateEmf(EmfOptions emf)
    {
        // The generated validator checks the same attributes without DataAnnotations' reflection (~12 ms of a cold start).
        var result = new EmfOptionsValidator().Validate(null, emf);
        var errors = result.Failed ? result.Failures.ToList() : [];
        if (emf.Enabled && string.IsNullOrWhiteSpace(emf.FunctionName))
        {
            errors.Add($"{EmfOptions.FunctionNameKey} is not set; every EMF document carries it as the FunctionName dimension.");
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{SectionName}:Emf is invalid: " + string.Join(" ", errors));
        }
    }
}
