using System.Buffers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Capture;

/// <summary>
/// Writes the buffered records every <see cref="DataCaptureOptions.FlushInterval"/>: one JSON Lines object per model,
/// version and hour, at most <see cref="DataCaptureOptions.BatchRecords"/> records each. A batch that cannot be written
/// is dropped and counted (its records are not retried: a destination that is down would otherwise hold the buffer
/// full), and logged at most once a minute.
/// </summary>
public sealed partial class CaptureWriter(
    DataCapture capture, ICaptureDestination destination, IOptions<DataCaptureOptions> options, TimeProvider time, ILogger<CaptureWriter> logger)
    : BackgroundService
{
    private static readonly TimeSpan FailureLogInterval = TimeSpan.FromMinutes(1);
    private readonly DataCaptureOptions _options = options.Value;
    private readonly SemaphoreSlim _flushing = new(1);
    private DateTimeOffset _lastFailureLogged = DateTimeOffset.MinValue;
    private int _failuresNotLogged;

    /// <summary>Writes everything buffered now. Safe to call beside the timer (one flush runs at a time).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            var pending = new List<CaptureRecord>();
            while (capture.Records.TryRead(out var record))
            {
                pending.Add(record);
            }

            foreach (var partition in pending.GroupBy(static record => (record.Model, Hour: Hour(record.Time))))
            {
                foreach (var batch in partition.Chunk(_options.BatchRecords))
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        capture.Dropped(partition.Key.Model, batch.Length); // out of shutdown time: taken from the buffer, so counted here
                        continue;
                    }

                    await WriteAsync(partition.Key.Model, partition.Key.Hour, batch, cancellationToken);
                }
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken); // what was captured before the host stopped, within its shutdown time
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // Not cancelled by stopping: records already taken from the buffer are written (or counted), not lost.
                await FlushAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: StopAsync writes what is left
        }
    }

    private async Task WriteAsync(ModelRef model, DateTimeOffset hour, CaptureRecord[] batch, CancellationToken cancellationToken)
    {
        var content = new ArrayBufferWriter<byte>(batch.Sum(static record => record.Line.Length + 1));
        foreach (var record in batch)
        {
            content.Write(record.Line.Span);
            content.Write("\n"u8);
        }

        var key = CaptureKeys.For(_options.Prefix, model, hour, time.GetUtcNow());
        try
        {
            await destination.WriteAsync(key, content.WrittenMemory, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            capture.Dropped(model, batch.Length); // the host's shutdown time ran out during the write
        }
        catch (Exception exception)
        {
            capture.Dropped(model, batch.Length);
            LogFailureNowAndThen(exception, model, batch.Length, key);
        }
    }

    private void LogFailureNowAndThen(Exception exception, ModelRef model, int records, string key)
    {
        var now = time.GetUtcNow();
        if (now - _lastFailureLogged < FailureLogInterval)
        {
            _failuresNotLogged++;
            return;
        }

        LogWriteFailed(exception, records, model, key, _failuresNotLogged);
        (_lastFailureLogged, _failuresNotLogged) = (now, 0);
    }

    private static DateTimeOffset Hour(DateTimeOffset time) => new(time.UtcDateTime.Year, time.UtcDateTime.Month, time.UtcDateTime.Day, time.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);

    [LoggerMessage(EventName = "CaptureWriteFailed", Level = LogLevel.Warning,
        Message = "Writing {Records} captured records of {Model} to {Key} failed; they are dropped (counted in multimodel.capture.dropped). Failed writes since the last of these lines, not logged: {FailuresNotLogged}")]
    private partial void LogWriteFailed(Exception exception, int records, ModelRef model, string key, int failuresNotLogged);
}
