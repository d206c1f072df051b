using System.Diagnostics.Metrics;

namespace MultiModel.ServiceDefaults.Emf;

/// <summary>
/// Listens to the app's meter and writes what it measured as EMF documents when <see cref="Flush"/> is called: once per
/// invocation, at its end (<see cref="EmfFlushMiddleware"/>), and when the host stops.
/// <para>
/// A <see cref="MeterListener"/> rather than an OpenTelemetry exporter: OpenTelemetry's pipeline (its assemblies, its
/// per-series aggregation, a periodic reader thread) would be loaded into every cold start only to be read back per
/// invocation, while the listener is in the runtime, hands each measurement straight to a callback, and the contract
/// needs only sums, counts, last values and the raw values of a few histograms.
/// </para>
/// </summary>
public sealed partial class EmfEmitter : IHostedService, IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly EmfAggregator _aggregator;
    private readonly EmfDocumentWriter _writer;
    private readonly EmfOutput _output;
    private readonly TimeProvider _time;
    private readonly ILogger<EmfEmitter> _logger;
    private readonly Lock _flushLock = new();
    private readonly Action<ReadOnlyMemory<byte>> _writeLine;
    private readonly TimeSpan _gaugeInterval;
    private DateTimeOffset? _gaugesRead;
    private long _refusedWritten;

    public EmfEmitter(EmfContract contract, MetricsOptions options, IMeterFactory meters, EmfOutput output, TimeProvider time, ILogger<EmfEmitter> logger)
    {
        _aggregator = new EmfAggregator(contract, options.Emf.MaxDimensionValues, logger);
        _writer = new EmfDocumentWriter(contract, options.Emf);
        _output = output;
        _time = time;
        _logger = logger;
        _gaugeInterval = options.Emf.GaugeInterval;
        _writeLine = line => _output.WriteLine(line.Span);
        // Only this host's meters (Meter.Scope is the factory that made them): meters are global to a process, and
        // tests and benchmarks run several hosts in one.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Meter.Name == contract.MeterName && contract.MetricsOf(instrument.Name) is { } metrics)
            {
                listener.EnableMeasurementEvents(instrument, metrics);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => _aggregator.Record((EmfMetric[])state!, value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => _aggregator.Record((EmfMetric[])state!, value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => _aggregator.Record((EmfMetric[])state!, value, tags));
        _listener.SetMeasurementEventCallback<float>((_, value, tags, state) => _aggregator.Record((EmfMetric[])state!, value, tags));
        _listener.Start();
    }

    /// <summary>Reads the gauges when they are due and writes everything measured since the last flush, one line per document.</summary>
    public void Flush()
    {
        lock (_flushLock)
        {
            try
            {
                var now = _time.GetUtcNow();
                if (_gaugesRead is not { } read || now - read >= _gaugeInterval)
                {
                    ReadGauges();
                    _gaugesRead = now;
                }

                var (process, groups) = _aggregator.Take();
                var timestamp = now.ToUnixTimeMilliseconds();
                foreach (var group in groups)
                {
                    if (group.Active)
                    {
                        _writer.Write(group, timestamp, _writeLine);
                    }
                }

                var refused = _aggregator.RefusedMeasurements;
                _writer.Write(process, timestamp, _writeLine, refused - _refusedWritten);
                _refusedWritten = refused;
            }
            catch (Exception exception)
            {
                LogWriteFailed(_logger, exception); // metrics must never fail the request they describe
            }
        }
    }

    /// <summary>
    /// Reads every gauge; one whose callback throws is logged and left out, and the rest, the counters and the request
    /// go on (the listener reads them all and then throws what failed).
    /// </summary>
    private void ReadGauges()
    {
        try
        {
            _listener.RecordObservableInstruments();
        }
        catch (Exception exception)
        {
            LogGaugeFailed(_logger, exception);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What background work measured after the last invocation is written before the process ends.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }

    public void Dispose() => _listener.Dispose();

    [LoggerMessage(EventId = 2, EventName = "EmfWriteFailed", Level = LogLevel.Warning, Message = "EMF documents could not be written to stdout.")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3, EventName = "EmfGaugeFailed", Level = LogLevel.Warning,
        Message = "A gauge's callback failed while EMF read the gauges; the gauges that failed are left out of this flush.")]
    private static partial void LogGaugeFailed(ILogger logger, Exception exception);
}
