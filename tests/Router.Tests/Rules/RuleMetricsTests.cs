using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MultiModel.Router.Rules;
using MultiModel.Router.Tests.Support;
using static MultiModel.Router.Tests.Support.RuleJson;

namespace MultiModel.Router.Tests.Rules;

/// <summary>
/// The rule source's health as metrics, read in process from the router's own meters (meters are global to a process,
/// and the routers of other tests run beside this one, so the listener takes only this router's instruments).
/// </summary>
public sealed class RuleMetricsTests
{
    [Fact]
    public async Task Metrics_RulesAgeGrowsWithTheClockAndFailedReadsAreCounted()
    {
        await using var backend = await EchoBackend.StartAsync("a");
        await using var router = RouterFactory.WithRulesFile(File(("iris", Exact("iris", Target(backend.Url)))));
        router.CreateClient();
        using var listener = Listen(router.Services.GetRequiredService<IMeterFactory>(), out var measurements);

        router.Time.Advance(TimeSpan.FromSeconds(12)); // no poll is due yet: the rules in force are 12 s old
        listener.RecordObservableInstruments();
        lock (measurements)
        {
            Assert.Equal(12, Assert.Single(measurements, m => m.Name == "multimodel.router.rules.age").Value);
        }

        var path = router.Services.GetRequiredService<IConfiguration>()["Router:Rules:FilePath"]!;
        System.IO.File.WriteAllText(path, "{ \"rules\": ");
        await router.PollAsync(TimeSpan.FromSeconds(30));
        listener.RecordObservableInstruments();

        // The poll read the broken file, and the file watcher may have made reads of its own: one write of a file can
        // raise several change events (a CI run counted three failures), so at least the poll's failure is counted.
        Assert.True(FailedReadsCounted(measurements) >= 1, "the poll's failed read was not counted");
        lock (measurements)
        {
            Assert.Equal(42, measurements.Last(m => m.Name == "multimodel.router.rules.age").Value); // the failed read did not refresh it
        }
    }

    private static double FailedReadsCounted(List<(string Name, double Value)> measurements)
    {
        lock (measurements)
        {
            return measurements.Where(m => m.Name == "multimodel.router.rules.read_failures").Sum(m => m.Value);
        }
    }

    private static MeterListener Listen(IMeterFactory meters, out List<(string Name, double Value)> measurements)
    {
        var recorded = new List<(string Name, double Value)>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Meter.Name == RuleMetrics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Record(instrument, value));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Record(instrument, value));
        listener.Start();
        measurements = recorded;
        return listener;

        void Record(Instrument instrument, double value)
        {
            lock (recorded)
            {
                recorded.Add((instrument.Name, value));
            }
        }
    }
}
