using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MultiModel.TestSupport;

namespace MultiModel.ModelHost.Tests.Support;

/// <summary>
/// A real Prometheus server (Debian's package, installed by tests/infra/prereqs-prometheus.sh) on loopback, scraping
/// one target every second, with its own config and data in a temporary folder.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly HttpClient _client;

    private PrometheusServer(Process process, string folder, Uri address)
    {
        _process = process;
        _folder = folder;
        _client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <summary>Where the binary is, or null when it is not installed.</summary>
    public static string? Binary() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, "prometheus")).FirstOrDefault(File.Exists);

    public static async Task<PrometheusServer> StartAsync(string binary, Uri target, string metricsPath = "/metrics")
    {
        var folder = Directory.CreateTempSubdirectory("prometheus-test-").FullName;
        var config = Path.Combine(folder, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: modelhost
                metrics_path: {metricsPath}
                static_configs: [{"{"} targets: ["{target.Authority}"] {"}"}]
            """);
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var start = new ProcessStartInfo(binary,
        [
            $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(folder, "data")}", $"--web.listen-address={address.Authority}",
        ])
        { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(start)!;
        process.BeginOutputReadLine(); // drained, so a full pipe cannot stall the server
        process.BeginErrorReadLine();
        var server = new PrometheusServer(process, folder, address);
        if (await ServerReadiness.WaitAsync(process, server._client, new Uri(address, "/-/ready"), TimeSpan.FromSeconds(30)))
        {
            return server;
        }

        await server.DisposeAsync();
        throw new TimeoutException("Prometheus did not become ready in 30 s.");
    }

    /// <summary>An instant PromQL query through the HTTP API; the single result's value, or null when it has none.</summary>
    public async Task<double?> QueryAsync(string promql)
    {
        using var response = await _client.GetAsync($"/api/v1/query?query={Uri.EscapeDataString(promql)}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var data = json.RootElement.GetProperty("data");
        var results = data.GetProperty("result");
        return results.GetArrayLength() == 0
            ? null
            : double.Parse(results[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// An instant PromQL query's every series, keyed by the values of <paramref name="labels"/> joined by spaces (an absent
    /// label reads as empty), in key order.
    /// </summary>
    public async Task<SortedDictionary<string, double>> QuerySeriesAsync(string promql, params string[] labels)
    {
        using var response = await _client.GetAsync($"/api/v1/query?query={Uri.EscapeDataString(promql)}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var series = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var result in json.RootElement.GetProperty("data").GetProperty("result").EnumerateArray())
        {
            var metric = result.GetProperty("metric");
            var key = string.Join(' ', labels.Select(label => metric.TryGetProperty(label, out var value) ? value.GetString() : ""));
            series[key] = double.Parse(result.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
        }

        return series;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
