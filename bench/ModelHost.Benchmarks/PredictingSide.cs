using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using MultiModel.ModelHostProcess;

namespace MultiModel.ModelHost.Benchmarks;

/// <summary>
/// One side of a comparison between host processes: the same JSON prediction sent over one kept-alive connection, its
/// latency and the host's CPU per prediction summed over the rounds measured.
/// </summary>
internal sealed class PredictingSide(string name, HostProcess host, string body, string path = "/models/tiny/predict")
{
    private TimeSpan _cpu;
    private int _measured;

    public string Name => name;
    public HttpClient Client { get; } = new(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = host.Address };
    public Samples Latency { get; } = new();
    public double CpuPerPredict => _cpu.TotalMicroseconds / _measured;

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
