using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MultiModel.ServiceDefaults.Emf;
using MultiModel.Tests.Shared;

namespace MultiModel.ServiceDefaults.Tests.Emf;

/// <summary>
/// The specification's limits, kept by writing more documents: at most 100 metrics per directive and 100 values per
/// distribution. Driven through a meter of its own (no app produces that much in one invocation).
/// </summary>
public sealed class EmfLimitsTests
{
    private const string MeterName = "MultiModel.EmfLimitsTest";

    [Fact]
    public void Flush_250DistinctDurationsAnd150Counters_SplitIntoDocumentsWithinTheLimitsLosingNothing()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var contract = new EmfContract(MeterName, "group", "Group").Map("test.duration", EmfMetric.Milliseconds("Duration"));
        for (var i = 0; i < 150; i++)
        {
            contract.Map($"test.counter.{i}", EmfMetric.Count($"Counter{i}"));
        }

        var output = new LineCapture();
        using var emitter = new EmfEmitter(contract, Options(), meters, new EmfOutput(output), TimeProvider.System, NullLogger<EmfEmitter>.Instance);
        var meter = meters.Create(MeterName);
        var duration = meter.CreateHistogram<double>("test.duration");
        for (var i = 0; i < 250; i++)
        {
            duration.Record((i + 1) / 1000.0, new KeyValuePair<string, object?>("group", "g"));
        }

        for (var i = 0; i < 150; i++)
        {
            meter.CreateCounter<long>($"test.counter.{i}").Add(i + 1, new KeyValuePair<string, object?>("group", "g"));
        }

        emitter.Flush();

        var documents = EmfLog.Documents(output.Lines);
        Assert.All(documents, document => Assert.Equal("Group=g", $"Group={document.Member("Group")}"));
        Assert.Equal(250, documents.Where(document => document.Has("Duration")).Sum(document => document.Samples("Duration")));
        Assert.Equal(Enumerable.Range(1, 250).Select(i => (double)i), documents.Where(d => d.Has("Duration")).SelectMany(d => d.Values("Duration")).Order());
        for (var i = 0; i < 150; i++)
        {
            Assert.Equal(i + 1, Assert.Single(documents, document => document.Has($"Counter{i}")).Value($"Counter{i}"));
        }
    }

    [Fact]
    public void Flush_NothingMeasured_WritesNothing()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var output = new LineCapture();
        using var emitter = new EmfEmitter(new EmfContract(MeterName, "group", "Group").Map("test.duration", EmfMetric.Milliseconds("Duration")),
            Options(), services.GetRequiredService<IMeterFactory>(), new EmfOutput(output), TimeProvider.System, NullLogger<EmfEmitter>.Instance);

        emitter.Flush();

        Assert.Empty(output.Lines);
    }

    [Fact]
    public void Flush_AGaugeCallbackThrows_TheOtherGaugesAndCountersAreStillWrittenAndNothingIsThrown()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var contract = new EmfContract(MeterName, "group", "Group")
            .Map("test.broken", EmfMetric.Gauge("Broken", EmfUnit.Count))
            .Map("test.level", EmfMetric.Gauge("Level", EmfUnit.Count))
            .Map("test.counter", EmfMetric.Count("Counter"));
        var output = new LineCapture();
        using var emitter = new EmfEmitter(contract, Options(), meters, new EmfOutput(output), TimeProvider.System, NullLogger<EmfEmitter>.Instance);
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge<long>("test.broken", Measurement<long> () => throw new InvalidOperationException("a gauge with a bug"));
        meter.CreateObservableGauge("test.level", () => new Measurement<long>(7, new KeyValuePair<string, object?>("group", "g")));
        meter.CreateCounter<long>("test.counter").Add(3, new KeyValuePair<string, object?>("group", "g"));

        emitter.Flush(); // on Lambda this runs in the request's pipeline: a throw here would turn its answer into a 500

        var documents = EmfLog.Documents(output.Lines);
        Assert.Equal(7, Assert.Single(documents, document => document.Has("Level")).Value("Level"));
        Assert.Equal(3, Assert.Single(documents, document => document.Has("Counter")).Value("Counter"));
        Assert.DoesNotContain(documents, document => document.Has("Broken"));
    }

    private static MetricsOptions Options() => new() { Emf = { Enabled = true, FunctionName = "limits-test" } };
}
