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

    /// <summary>
    /// Registers <typeparamref name="TInstruments"/>, a singleton whose constructor creates the app's instruments, so
    /// that <see cref="StartMetricsInBackground"/> builds it beside the meter provider.
    /// </summary>
    public static IServiceCollection AddInstruments<TInstruments>(this IServiceCollection services) where TInstruments : class =>
        services.AddSingleton<TInstruments>().BuildWithMetrics<TInstruments>();

    /// <summary>
    /// Marks <typeparamref name="TService"/>, a singleton registered elsewhere whose constructor creates instruments, to
    /// be built with them by <see cref="StartMetricsInBackground"/>: once the meter provider listens, each new instrument
    /// costs OpenTelemetry's first-use work on the thread that creates it, which should not be the start-up thread.
    /// </summary>
    public static IServiceCollection BuildWithMetrics<TService>(this IServiceCollection services) where TService : class =>
        services.AddSingleton(new InstrumentsType(typeof(TService)));

    /// <summary>
    /// When metrics are on, builds OpenTelemetry's meter provider and then the app's instruments
    /// (<see cref="AddInstruments{TInstruments}"/>) on the thread pool now, instead of on the start-up thread as the
    /// host starts. Both are first-use work inside OpenTelemetry (~90 ms of a local cold start, bench/ColdStart). Less
    /// of it overlaps than that: the container builds singletons under one lock, so the start-up thread waits whenever
    /// it needs a singleton while this runs (measured: 0.91x of the start-up time before, with the other changes of
    /// docs/deploy.md's cold-start section). Call it right after the app is built.
    /// </summary>
    public static IHost StartMetricsInBackground(this IHost app)
    {
        if (app.Services.GetRequiredService<MetricsOptions>().Enabled)
        {
            BuildMetricsInBackground(app.Services);
        }

        return app;
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

    // OpenTelemetry's types are only named in the three methods below marked NoInlining, compiled only when metrics are
    // on: with them off (Lambda's default) its assemblies are not even loaded, which a cold start would pay for.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddOpenTelemetry(IServiceCollection services, MetricsOptions options, string serviceName)
    {
        // The meter provider's build starts from the default resource, whose static set-up reads the process's name
        // from /proc (a third of the build in a sampled trace of a cold start). The start-up thread waits for that build
        // when the host starts (the listeners are activated then), so the resource is made now, beside the rest of the
        // app's set-up. Only its static set-up is wanted; the resource itself is dropped.
        _ = Task.Run(static () => ResourceBuilder.CreateDefault());
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
    }

    // A failed build is not lost: the same exception comes again from the next request for that service.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void BuildMetricsInBackground(IServiceProvider services) =>
        _ = Task.Run(() =>
        {
            services.GetService<MeterProvider>();
            foreach (var instruments in services.GetServices<InstrumentsType>())
            {
                services.GetRequiredService(instruments.Type);
            }
        });

    private sealed record InstrumentsType(Type Type);

    // OpenTelemetry's MapPrometheusScrapingEndpoint builds its branch at once, and with it the meter provider, which
    // would make mapping wait for the background build. This branch is built on the first scrape instead.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MapScrapingEndpoint(IEndpointRouteBuilder endpoints, string path)
    {
        var scrape = new Lazy<RequestDelegate>(() => endpoints.CreateApplicationBuilder().UseOpenTelemetryPrometheusScrapingEndpoint(path).Build());
        endpoints.Map(path, context => scrape.Value(context));
    }
}
