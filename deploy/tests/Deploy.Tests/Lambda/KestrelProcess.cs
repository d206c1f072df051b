using System.Collections.Concurrent;
using System.Diagnostics;
using MultiModel.TestSupport;

namespace MultiModel.Deploy.Tests.Lambda;

/// <summary>
/// A published app run as it runs outside Lambda: the same assembly on Kestrel, on a free loopback port, without
/// Lambda's variables. What the Lambda run must answer the same as.
/// </summary>
public sealed class KestrelProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private KestrelProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public static async Task<KestrelProcess> StartAsync(string directory, string assembly, IReadOnlyDictionary<string, string>? settings = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(directory, assembly), "--urls", address.ToString()])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new KestrelProcess(Process.Start(start)!, address);
        process.Client.BaseAddress = address;
        if (!await ServerReadiness.WaitAsync(process._process, process.Client, new Uri(address, "/health/ready"), TimeSpan.FromSeconds(60)))
        {
            var output = string.Join(Environment.NewLine, process._output.TakeLast(40));
            await process.DisposeAsync();
            throw new TimeoutException($"{assembly} on Kestrel did not become ready:{Environment.NewLine}{output}");
        }

        return process;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
