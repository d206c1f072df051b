using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using MultiModel.ModelHost.Api;
using MultiModel.ModelHost.Api.OpenInference;
using MultiModel.ModelHost.Api.Predictions;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Models;
using OpenTelemetry.Metrics;

namespace MultiModel.ModelHost.Benchmarks;

/// <summary>
/// The instrument calls of one warm prediction (its request and inference durations and its cache lookup), timed in a
/// tight loop with OpenTelemetry's Prometheus pipeline listening and with nothing listening: the part of the HTTP
/// figure that metrics add, without the HTTP noise around it.
/// </summary>
internal static class MetricsRecordingCost
{
    private const int Iterations = 2_000_000;

    public static void Run()
    {
        var off = Measure(listening: false);
        var on = Measure(listening: true);
        Console.WriteLine($"instrument calls of one prediction, in process: {on:F0} ns listened to, {off:F0} ns not");
    }

    private static double Measure(bool listening)
    {
        var services = new ServiceCollection().AddMetrics();
        if (listening)
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(CacheMetrics.MeterName).AddPrometheusExporter());
        }

        using var provider = services.BuildServiceProvider();
        _ = provider.GetService<MeterProvider>(); // starts the pipeline's listener
        var meters = provider.GetRequiredService<IMeterFactory>();
        var predictions = new PredictionMetrics(meters);
        var statistics = new ModelStatistics(TimeProvider.System); // recorded beside the metrics for every prediction, as the host does
        var cache = new CacheMetrics(meters);
        var model = new ModelRef("tiny", 1);
        var (total, inference) = (TimeSpan.FromMicroseconds(180), TimeSpan.FromMicroseconds(20));
        return InProcessTiming.NanosecondsPer(Iterations, OnePrediction);

        // A hit records like a miss of a known model: one counter add with the model's two tags.
        void OnePrediction()
        {
            cache.Miss(model, failure: null);
            predictions.Record(model, model.Id, 200, total, inference);
            statistics.Succeeded(model, total, inference);
        }
    }
}
