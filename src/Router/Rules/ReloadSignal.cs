using System.Threading.Channels;

namespace MultiModel.Router.Rules;

/// <summary>Asks the poller to reload now (a file write, stale rules seen by a request); requests coalesce.</summary>
public sealed class ReloadSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Request() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when a reload was requested or <paramref name="delay"/> (on <paramref name="time"/>) has passed.</summary>
    public async Task WaitAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero || _channel.Reader.TryRead(out _))
        {
            return;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var requested = _channel.Reader.WaitToReadAsync(cts.Token).AsTask();
        await Task.WhenAny(requested, Task.Delay(delay, time, cts.Token));
        await cts.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        _channel.Reader.TryRead(out _);
    }
}
