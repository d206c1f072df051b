using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MultiModel.ModelHost.Api;
using MultiModel.ModelHost.Api.OpenInference;
using MultiModel.ModelHost.Api.Predictions;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Hosting;
using MultiModel.ModelHost.Models;
using MultiModel.ServiceDefaults;
using MultiModel.ServiceDefaults.Emf;

namespace MultiModel.ModelHost.Benchmarks;

/// <summary>
/// One Lambda invocation's EMF work in process, in a tight loop: a warm prediction's instrument calls, then the flush
/// that reads the process gauges (resident memory from /proc among them) and writes the model's and the process's
/// documents, in process CPU time (to a null stream here: the HTTP comparison includes the real stdout), with the gauges read at the
/// default interval and at every invocation. Against the same instrument calls with nothing listening.
/// </summary>
internal static class EmfRecordingCost
{
    private const int Iterations = 200_000;

    public static void Run()
    {
        var off = Measure(emf: false, gaugeInterval: TimeSpan.Zero);
        var on = Measure(emf: true, gaugeInterval: new EmfOptions().GaugeInterval);
        var everyTime = Measure(emf: true, gaugeInterval: TimeSpan.Zero);
        Console.WriteLine($"one invocation's instrument calls and EMF flush, in process: {on / 1000:F2} us with EMF (gauges every " +
            $"{new EmfOptions().GaugeInterval.TotalSeconds:F0} s), {everyTime / 1000:F2} us reading the gauges every time, {off / 1000:F2} us without EMF");
    }

    private static double Measure(bool emf, TimeSpan gaugeInterval)
    {
        using var provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = provider.GetRequiredService<IMeterFactory>();
        var predictions = new PredictionMetrics(meters);
        var statistics = new ModelStatistics(TimeProvider.System); // recorded beside the metrics for every prediction, as the host does
        var cache = new CacheMetrics(meters);
        // The process gauges a real host observes (CacheMetrics.Observe needs a whole cache; the same four instruments).
        var meter = meters.Create(CacheMetrics.MeterName);
        meter.CreateObservableGauge("multimodel.cache.memory.limit", () => 512L << 20, "By");
        meter.CreateObservableGauge("multimodel.cache.memory.usage", () => 100L << 20, "By");
        meter.CreateObservableGauge("multimodel.process.memory.resident", ProcessMemory.ResidentBytes, "By");
        meter.CreateObservableUpDownCounter("multimodel.cache.active_loads", () => 0, "{load}");
        var options = new MetricsOptions { Emf = { Enabled = true, FunctionName = "bench", GaugeInterval = gaugeInterval } };
        using var emitter = emf
            ? new EmfEmitter(ModelHostEmf.Contract(), options, meters, new EmfOutput(Stream.Null), TimeProvider.System, NullLogger<EmfEmitter>.Instance)
            : null;
        var model = new ModelRef("tiny", 1);
        var (total, inference) = (TimeSpan.FromMicroseconds(180), TimeSpan.FromMicroseconds(20));
        for (var i = 0; i < Iterations / 10; i++)
        {
            OneInvocation();
        }

        // CPU time, not wall-clock: on a shared, oversubscribed machine the loop's thread waits for a core between slices.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < Iterations; i++)
        {
            OneInvocation();
        }

        return (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalNanoseconds / Iterations;

        void OneInvocation()
        {
            cache.Miss(model, failure: null);
            predictions.Record(model, model.Id, 200, total, inference);
            statistics.Succeeded(model, total, inference);
            emitter?.Flush();
        }
    }
}
