using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MultiModel.ModelHost.Benchmarks;

/// <summary>
/// The real ModelHost, started as its own process on Kestrel (loopback), as `dotnet run` would start it. Its log
/// goes to a file: one JSON event per prediction is part of the production path being measured.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, Uri address, string logPath)
    {
        _process = process;
        Address = address;
        LogPath = logPath;
    }

    public Uri Address { get; }
    public string LogPath { get; }
    public int Pid => _process.Id;

    public static async Task<HostProcess> StartAsync(string storeRoot, IDictionary<string, string> settings)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var logPath = Path.Combine(Path.GetTempPath(), $"modelhost-bench-{port}.log");
        var dll = Path.Combine(RepositoryRoot(), "src", "ModelHost", "bin", "Release", "net10.0", "ModelHost.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build the host first: dotnet build -c Release src/ModelHost", dll);
        }

        var start = new ProcessStartInfo("/bin/sh", ["-c", $"exec dotnet \"{dll}\" --urls {address} > \"{logPath}\" 2>&1"]) { UseShellExecute = false };
        start.Environment["ModelHost__Store__LocalRoot"] = storeRoot;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var host = new HostProcess(Process.Start(start)!, address, logPath);
        using var client = new HttpClient();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await client.GetAsync(new Uri(address, "/health/ready"))).StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        await host.DisposeAsync();
        throw new TimeoutException($"ModelHost did not become ready; see {logPath}");
    }

    /// <summary>CPU time the host process has used so far (user + system), from /proc (Linux).</summary>
    public TimeSpan CpuTime()
    {
        var fields = File.ReadAllText($"/proc/{Pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }

    /// <summary>Resident and peak resident memory of the host process, from /proc (Linux).</summary>
    public (long Resident, long Peak) Memory()
    {
        long Read(string field) => File.ReadLines($"/proc/{Pid}/status")
            .Where(line => line.StartsWith(field, StringComparison.Ordinal))
            .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024)
            .Single();
        return (Read("VmRSS:"), Read("VmHWM:"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MultiModel.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("MultiModel.sln not found above the benchmark.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
