using System.Diagnostics;
using System.Globalization;
using MultiModel.Cli.Tuning;
using MultiModel.TestSupport;

namespace MultiModel.ModelHostProcess;

/// <summary>
/// The real ModelHost, started as its own process on Kestrel (loopback), as `dotnet run` would start it, optionally
/// inside a memory cgroup. Its log goes to a file.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    /// <summary>The build configuration of the running assembly (its output folder is bin/{Configuration}/net10.0).</summary>
    private static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The ModelHost built in the same configuration as the caller (the project reference builds it first).</summary>
    private static readonly string BuiltHostDll = RepositoryPaths.Of($"src/ModelHost/bin/{Configuration}/net10.0/ModelHost.dll");

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
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <param name="hostDll">The ModelHost.dll to run; null for this repository's build in the same configuration.</param>
    /// <param name="cgroup">A memory cgroup to start the host in, as Lambda starts a function inside its memory size.</param>
    public static async Task<HostProcess> StartAsync(
        string storeRoot, IReadOnlyDictionary<string, string> settings, string? hostDll = null, MemoryCgroup? cgroup = null)
    {
        var dll = hostDll ?? BuiltHostDll;
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the host first: dotnet build -c {Configuration} src/ModelHost", dll);
        }

        var port = FreePort.Next();
        var address = new Uri($"http://127.0.0.1:{port}");
        var logPath = Path.Combine(Path.GetTempPath(), $"modelhost-{port}.log");
        var groups = cgroup is null ? [] : new Cgroup[] { cgroup };
        var start = new ProcessStartInfo("/bin/sh", ["-c", Cgroup.JoinThenExec(groups, $"dotnet \"{dll}\" --urls {address} > \"{logPath}\" 2>&1")]) { UseShellExecute = false };
        start.Environment["ModelHost__Store__LocalRoot"] = storeRoot;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var host = new HostProcess(process, address, logPath);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        if (await ServerReadiness.WaitAsync(process, client, new Uri(address, "/health/ready"), TimeSpan.FromSeconds(60)))
        {
            return host;
        }

        await host.DisposeAsync();
        throw new TimeoutException($"ModelHost did not become ready; its log: {logPath}");
    }

    /// <summary>
    /// Runs the host with <paramref name="settings"/> (environment variables) until it exits by itself, for settings it
    /// must refuse at start: its exit code and its stdout and stderr together. Killed after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<HostExit> RunToExitAsync(IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet", [BuiltHostDll, "--urls", $"http://127.0.0.1:{FreePort.Next()}"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ModelHost was still running after {timeout}; it was expected to stop at start.");
        }

        return new HostExit(process.ExitCode, await output + await error);
    }

    /// <summary>CPU time the host process has used so far (user + system), from /proc (Linux).</summary>
    public TimeSpan CpuTime()
    {
        var fields = File.ReadAllText($"/proc/{Pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }

    /// <summary>Resident and peak resident memory of the host process, from /proc (Linux); zeros once it has exited.</summary>
    public (long Resident, long Peak) Memory()
    {
        try
        {
            long Read(string field) => File.ReadLines($"/proc/{Pid}/status")
                .Where(line => line.StartsWith(field, StringComparison.Ordinal))
                .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024)
                .Single();
            return (Read("VmRSS:"), Read("VmHWM:"));
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException)
        {
            return (0, 0); // the process is gone (or a zombie without memory lines)
        }
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
}
