using System.Diagnostics;
using System.Text;

namespace MultiModel.ModelHost.Benchmarks;

/// <summary>
/// The same POST, over and over on one keep-alive connection, against a host started by hand: the load a profiler
/// watches (docs/request-path.md, "Where the time goes"). Prints the count and the p50 seen by this client.
/// </summary>
internal static class LoadForProfiling
{
    public static async Task RunAsync(string url, string body, TimeSpan duration)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 });
        var microseconds = new List<double>();
        var running = Stopwatch.StartNew();
        while (running.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(url, content);
            await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode)
            {
                Console.WriteLine($"{(int)response.StatusCode} from {url}: {await response.Content.ReadAsStringAsync()}");
                return;
            }

            microseconds.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }

        microseconds.Sort();
        Console.WriteLine($"{microseconds.Count} requests in {duration.TotalSeconds:F0} s, p50 {microseconds[microseconds.Count / 2]:F1} us");
    }
}
