using System.Threading.Channels;

namespace MultiModel.Router.Rules;

/// <summary>Asks the poller to reload now (a file write, stale rules seen by a request); requests coalesce.</summary>
public sealed class ReloadSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Request() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when a reload was requested or the clock (<paramref name="time"/>) reaches <paramref name="due"/>.</summary>
    public async Task WaitAsync(DateTimeOffset due, TimeProvider time, CancellationToken cancellationToken)
    {
        if (_channel.Reader.TryRead(out _) || time.GetUtcNow() >= due)
        {
            return;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var requested = _channel.Reader.WaitToReadAsync(cts.Token).AsTask();
        var delay = Task.Delay(due - time.GetUtcNow() is { Ticks: > 0 } left ? left : TimeSpan.Zero, time, cts.Token);
        // The clock may have moved between reading it and arming the timer, which then counts from the new time:
        // looking again after arming catches that (a timer armed late would wait a whole interval too long).
        if (time.GetUtcNow() < due)
        {
            await Task.WhenAny(requested, delay);
        }

        await cts.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        _channel.Reader.TryRead(out _);
    }
}
