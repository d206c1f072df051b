using System.Diagnostics;
using System.Text;

namespace MultiModel.Router.Benchmarks;

/// <summary>Drives POST predict calls at one base URL: sequential for latency, concurrent for throughput.</summary>
public sealed class LoadGenerator(HttpClient client, string path, string body)
{
    private readonly byte[] _body = Encoding.UTF8.GetBytes(body);

    /// <summary>One request at a time; returns each request's latency in microseconds.</summary>
    public async Task<double[]> LatencyAsync(string baseUrl, int requests)
    {
        var samples = new double[requests];
        var uri = new Uri(new Uri(baseUrl), path);
        for (var i = 0; i < requests; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await SendAsync(uri);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        return samples;
    }

    /// <summary>
    /// <paramref name="concurrency"/> callers back to back for <paramref name="duration"/>. Returns requests per second
    /// and this process's CPU time per request (client, router and backend all run in it): unlike throughput, CPU time
    /// is not stolen by other work on the machine; and the bytes allocated per request, which other work does not move.
    /// </summary>
    public async Task<(double Rps, double CpuMicrosPerRequest, double BytesPerRequest)> ThroughputAsync(string baseUrl, int concurrency, TimeSpan duration)
    {
        var uri = new Uri(new Uri(baseUrl), path);
        var completed = 0L;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                await SendAsync(uri);
                Interlocked.Increment(ref completed);
            }
        });
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        return (completed / elapsed.TotalSeconds, (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / completed, (double)allocated / completed);
    }

    private async Task SendAsync(Uri uri)
    {
        using var content = new ByteArrayContent(_body);
        content.Headers.ContentType = new("application/json");
        using var response = await client.PostAsync(uri, content);
        await response.Content.CopyToAsync(Stream.Null);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{uri} answered {(int)response.StatusCode}; the benchmark only measures successful calls.");
        }
    }
}
