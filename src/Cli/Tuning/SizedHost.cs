using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MultiModel.Cli.Tuning;

/// <summary>
/// The ModelHost's build started as Lambda would size it: in a memory cgroup of the function's size and a cpu cgroup
/// whose quota is its vCPUs, with <c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c> set so it derives its cache budget as there.
/// On Kestrel, loopback only. Disposing it kills it and removes both groups.
/// </summary>
internal sealed class SizedHost : IDisposable
{
    /// <summary>The prefix of the cgroup folders a tune makes (then this process's id), so a leftover is easy to find.</summary>
    public const string CgroupName = "multimodel-tune";

    private readonly Process _process;
    private readonly MemoryCgroup _memory;
    private readonly CpuCgroup _cpu;

    private SizedHost(FunctionSize size, Process process, MemoryCgroup memory, CpuCgroup cpu, Uri address, string logPath)
    {
        (Size, _process, _memory, _cpu, Address, LogPath) = (size, process, memory, cpu, address, logPath);
    }

    public FunctionSize Size { get; }
    public Uri Address { get; }
    public string LogPath { get; }

    /// <summary>From the process's start to its first ready answer: Lambda's init phase.</summary>
    public TimeSpan Init { get; private set; }

    public bool HasExited => _process.HasExited;
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;
    public long OomKills => _memory.OomKills;
    public long CgroupPeakBytes => _memory.MaxUsageBytes;
    public long ThrottledPeriods => _cpu.ThrottledPeriods;

    /// <summary>Why cgroups cannot be made here, or null.</summary>
    public static string? Unavailable() => MemoryCgroup.Unavailable() ?? CpuCgroup.Unavailable();

    public static async Task<SizedHost> StartAsync(
        FunctionSize size, string hostDll, IReadOnlyDictionary<string, string> settings, string logFolder, TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        var memory = MemoryCgroup.Create(CgroupName, size.LimitBytes);
        ChildProcesses.Track(memory);
        var cpu = CpuCgroup.Create(CgroupName, size.EmulatedVcpus);
        ChildProcesses.Track(cpu);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var logPath = Path.Combine(logFolder, $"modelhost-{size.MemoryMb}mb.log");
        var start = new ProcessStartInfo("/bin/sh", ["-c", Cgroup.JoinThenExec([memory, cpu], $"dotnet \"{hostDll}\" --urls {address} > \"{logPath}\" 2>&1")])
        {
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        start.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = size.MemoryMb.ToString(CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(start)!;
        ChildProcesses.Track(process);
        var host = new SizedHost(size, process, memory, cpu, address, logPath);
        try
        {
            await host.WaitReadyAsync(readyTimeout, cancellationToken);
            host.Init = Stopwatch.GetElapsedTime(started);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>The host process's peak resident memory (VmHWM); null once it has exited.</summary>
    public long? PeakResidentBytes()
    {
        try
        {
            return File.ReadLines($"/proc/{_process.Id}/status")
                .Where(line => line.StartsWith("VmHWM:", StringComparison.Ordinal))
                .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024)
                .Cast<long?>()
                .SingleOrDefault();
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException)
        {
            return null; // gone
        }
    }

    public void Dispose()
    {
        ChildProcesses.Stop(_process);
        _process.Dispose();
        ChildProcesses.Remove(_cpu);
        ChildProcesses.Remove(_memory);
    }

    private async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var ready = new Uri(Address, "/health/ready");
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new SizedHostFailedException(
                    $"the host exited with {_process.ExitCode} before it was ready{(OomKills > 0 ? ", killed for passing its memory limit" : "")}; its log: {LogPath}", OomKills > 0);
            }

            try
            {
                if ((await client.GetAsync(ready, cancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            // Short, so that the init time measured is no more than 10 ms over the real one.
            await Task.Delay(10, cancellationToken);
        }

        throw new SizedHostFailedException($"the host was not ready within {timeout.TotalSeconds:0} s; its log: {LogPath}", OomKills > 0);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
