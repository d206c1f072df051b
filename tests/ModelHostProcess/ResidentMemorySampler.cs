namespace MultiModel.ModelHostProcess;

/// <summary>Samples a host's resident memory every quarter second in the background until disposed.</summary>
public sealed class ResidentMemorySampler : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<long> _samples = [];
    private readonly Task _sampling;

    public ResidentMemorySampler(HostProcess host) => _sampling = SampleAsync(host);

    /// <summary>The samples so far, in bytes, oldest first.</summary>
    public IReadOnlyList<long> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync(HostProcess host)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                var (resident, _) = host.Memory();
                if (resident > 0)
                {
                    lock (_samples)
                    {
                        _samples.Add(resident);
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }
}
