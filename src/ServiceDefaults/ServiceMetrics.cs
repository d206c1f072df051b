using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Routing;
using MultiModel.ServiceDefaults.Emf;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace MultiModel.ServiceDefaults;

/// <summary>
/// Where both apps' meters and their exporters are registered, so the ModelHost and the Router export the same way:
/// every meter named <c>MultiModel.*</c> and ASP.NET Core's request duration (its tags are route templates, so they
/// stay bounded), to a Prometheus scrape endpoint (<c>Metrics:Prometheus</c>) and, when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, to an OTLP collector; on Lambda, as CloudWatch Embedded Metric Format
/// on stdout (<c>Metrics:Emf</c>, without OpenTelemetry). See docs/observability.md.
/// </summary>
public static class ServiceMetrics
{
    /// <summary>The apps' own meters: each is named after its app.</summary>
    public const string AppMeters = "MultiModel.*";

    public static TBuilder AddServiceMetrics<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var options = MetricsOptions.Read(builder.Configuration);
        builder.Services.AddSingleton(options);
        if (options.Enabled)
        {
            AddOpenTelemetry(builder.Services, options, builder.Environment.ApplicationName);
        }

        if (options.Emf.Enabled)
        {
            builder.Services.AddEmf(); // needs the app's Emf.EmfContract, registered by the app
        }

        return builder;
    }

    /// <summary>The Prometheus scrape endpoint, when it is on.</summary>
    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<MetricsOptions>();
        if (options.Prometheus.Enabled)
        {
            MapScrapingEndpoint(endpoints, options.Prometheus.Path);
        }

        return endpoints;
    }

    // OpenTelemetry's types are only named in the two methods below, compiled only when metrics are on: with them off
    // (Lambda's default) its assemblies are not even loaded, which a cold start would pay for.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddOpenTelemetry(IServiceCollection services, MetricsOptions options, string serviceName) =>
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(AppMeters, "Microsoft.AspNetCore.Hosting");
                if (options.Prometheus.Enabled)
                {
                    metrics.AddPrometheusExporter();
                }

                if (options.Otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MapScrapingEndpoint(IEndpointRouteBuilder endpoints, string path) => endpoints.MapPrometheusScrapingEndpoint(path);
}
