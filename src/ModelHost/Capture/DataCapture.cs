using System.Diagnostics.Metrics;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Capture;

/// <summary>
/// Decides which predictions are captured and holds their records until <see cref="CaptureWriter"/> writes them: a
/// bounded buffer, so a destination that is slow or down costs memory up to its size and then drops records (counted
/// as <c>multimodel.capture.dropped</c>), never a prediction's time.
/// </summary>
public sealed partial class DataCapture
{
    private readonly DataCaptureOptions _options;
    private readonly Channel<CaptureRecord> _buffer;
    private readonly Counter<long> _dropped;

    private readonly ILogger<DataCapture> _logger;

    public DataCapture(IOptions<DataCaptureOptions> options, IMeterFactory meters, TimeProvider time, ILogger<DataCapture> logger)
    {
        _logger = logger;
        _options = options.Value;
        Time = time;
        HashKey = _options.HashKey is { } key ? Encoding.UTF8.GetBytes(key) : null;
        _buffer = Channel.CreateBounded<CaptureRecord>(new BoundedChannelOptions(_options.BufferRecords)
        {
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: a full buffer refuses the record, which is then counted
            SingleReader = true,
        });
        _dropped = meters.Create(CacheMetrics.MeterName).CreateCounter<long>(
            "multimodel.capture.dropped", "{record}", "Captured records not written: the buffer was full or the destination failed.");
    }

    internal ChannelReader<CaptureRecord> Records => _buffer.Reader;

    /// <summary>The key hashed inputs are written under (HMAC-SHA256); null for plain SHA-256.</summary>
    internal byte[]? HashKey { get; }

    /// <summary>Whether a sampled request writes the buffer out itself (<see cref="DataCaptureOptions.FlushWithinRequest"/>).</summary>
    internal bool FlushWithinRequest => _options.FlushWithinRequest;

    /// <summary>The clock a record's time is read from.</summary>
    internal TimeProvider Time { get; }

    /// <summary>The model's capture settings when this request is one of its sample; null for most requests.</summary>
    internal ModelCaptureOptions? Sample(ModelRef model) =>
        _options.Enabled && _options.Models.TryGetValue(model.Id, out var settings) && Random.Shared.NextDouble() * 100 < settings.SamplePercent
            ? settings
            : null;

    internal void Offer(CaptureRecord record)
    {
        if (!_buffer.Writer.TryWrite(record))
        {
            Dropped(record.Model, 1);
        }
    }

    /// <summary>A record that could not be made: dropped and counted, and the prediction goes on as if it had not been sampled.</summary>
    internal void RecordFailed(ModelRef model, Exception exception)
    {
        Dropped(model, 1);
        LogRecordFailed(exception, model);
    }

    /// <summary>Records of a model that will not be written. The model held a lease, so its id may be a tag (ModelTags).</summary>
    internal void Dropped(ModelRef model, int count) => _dropped.Add(count, ModelTags.For(model));

    [LoggerMessage(EventName = "CaptureRecordFailed", Level = LogLevel.Warning,
        Message = "A captured prediction of {Model} could not be written as a record; it is dropped (counted in multimodel.capture.dropped) and the prediction is unaffected")]
    private partial void LogRecordFailed(Exception exception, ModelRef model);
}
