using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using MultiModel.ModelHostProcess;

namespace MultiModel.ModelHost.Benchmarks;

/// <summary>
/// One host of a same-run comparison, sent the same prediction over one keep-alive connection: its latency and the
/// host's CPU time per prediction. <see cref="AlternateAsync"/> runs the sides in alternating rounds, so that drift on a
/// shared machine falls on all of them.
/// </summary>
internal sealed class PredictingSide(string name, HostProcess host, string path, string body)
{
    private TimeSpan _cpu;
    private int _measured;

    public string Name => name;
    public HttpClient Client { get; } = new(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = host.Address };
    public Samples Latency { get; } = new();
    public double CpuPerPredict => _cpu.TotalMicroseconds / _measured;

    /// <summary>One unmeasured round each to warm up, then <paramref name="rounds"/> measured rounds, the order flipped every round.</summary>
    public static async Task AlternateAsync(IReadOnlyList<PredictingSide> sides, int rounds, int perRound)
    {
        foreach (var side in sides)
        {
            await side.PredictAsync(perRound, measure: false);
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var side in round % 2 == 0 ? sides : sides.Reverse())
            {
                await side.PredictAsync(perRound, measure: true);
            }
        }
    }

    /// <summary>Each side's figures, then every other side against the last (the baseline) as differences and ratios.</summary>
    public static void Print(string what, params PredictingSide[] sides)
    {
        Console.WriteLine($"{what,-10} {"p50 us",8} {"mean us",8} {"host CPU us/predict",20}");
        foreach (var side in sides)
        {
            Console.WriteLine($"{side.Name,-10} {side.Latency.Median,8:F1} {side.Latency.Mean,8:F1} {side.CpuPerPredict,20:F2}");
        }

        var baseline = sides[^1];
        foreach (var side in sides[..^1])
        {
            Console.WriteLine($"{side.Name} - {baseline.Name}: p50 {side.Latency.Median - baseline.Latency.Median:F1} us, mean {side.Latency.Mean - baseline.Latency.Mean:F1} us, " +
                $"CPU {side.CpuPerPredict - baseline.CpuPerPredict:F2} us/predict; {side.Name} / {baseline.Name}: p50 {side.Latency.Median / baseline.Latency.Median:F3}, " +
                $"CPU {side.CpuPerPredict / baseline.CpuPerPredict:F3}");
        }
    }

    public async Task PredictAsync(int count, bool measure)
    {
        var cpuBefore = host.CpuTime();
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            using var response = await Client.PostAsync(path, content);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            if (measure)
            {
                Latency.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            }
        }

        if (measure)
        {
            _cpu += host.CpuTime() - cpuBefore;
            _measured += count;
        }
    }
}
