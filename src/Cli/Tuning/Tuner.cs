namespace MultiModel.Cli.Tuning;

/// <summary>
/// Runs a workload at each size. Every size's host is started first, one at a time, so that each init is timed alone;
/// then the requests go out in rounds, request i to every size before request i+1 (the order of sizes turning each
/// round), so a machine that is busier for a while slows every size alike instead of whichever ran then. Each host
/// still receives its requests one at a time, as one Lambda environment does. Nothing outlives the run: hosts are
/// killed and cgroups removed when it ends, fails or is cancelled.
/// </summary>
internal sealed class Tuner(TuneSettings settings)
{
    public async Task<IReadOnlyList<SizeMeasurement>> RunAsync(
        Workload workload, IReadOnlyList<FunctionSize> sizes, IProgress<TuneProgress>? progress, CancellationToken cancellationToken)
    {
        if (SizedHost.Unavailable() is { } why)
        {
            throw new TuningException($"Cannot size a host here: {why}. tune runs the host in cgroup v1 memory and cpu groups, which needs root and both controllers writable under /sys/fs/cgroup.");
        }

        var requests = workload.Draw(settings.Requests, settings.Seed);
        var total = sizes.Count * (1 + requests.Count);
        var done = 0;
        var measurements = new SizeMeasurement?[sizes.Count];
        var recorders = new List<(int Index, SizeRecorder Recorder)>();
        using var client = new HttpClient { Timeout = settings.RequestTimeout };
        try
        {
            for (var index = 0; index < sizes.Count; index++)
            {
                var size = sizes[index];
                progress?.Report(new TuneProgress(done, total, $"starting the host at {size.MemoryMb} MB"));
                try
                {
                    var host = await SizedHost.StartAsync(size, settings.HostDll, settings.HostSettings, settings.LogFolder, settings.ReadyTimeout, cancellationToken);
                    recorders.Add((index, new SizeRecorder(host, client)));
                    done++;
                }
                catch (SizedHostFailedException exception)
                {
                    measurements[index] = SizeRecorder.NotStarted(size, exception.Message, requests.Count, exception.OomKilled);
                    done += 1 + requests.Count;
                }
            }

            for (var round = 0; round < requests.Count; round++)
            {
                progress?.Report(new TuneProgress(done, total, $"request {round + 1} of {requests.Count} to {recorders.Count} sizes"));
                for (var turn = 0; turn < recorders.Count; turn++)
                {
                    await recorders[(round + turn) % recorders.Count].Recorder.SendAsync(requests[round], cancellationToken);
                    done++;
                }
            }

            foreach (var (index, recorder) in recorders)
            {
                measurements[index] = await recorder.FinishAsync(cancellationToken);
            }

            progress?.Report(new TuneProgress(total, total, "done"));
            return measurements.Select(measurement => measurement!).ToArray();
        }
        finally
        {
            foreach (var (_, recorder) in recorders)
            {
                recorder.Host.Dispose();
            }
        }
    }
}
