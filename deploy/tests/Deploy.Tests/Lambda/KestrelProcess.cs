using System.Diagnostics;
using MultiModel.TestSupport;

namespace MultiModel.Deploy.Tests.Lambda;

/// <summary>
/// A published app run as it runs outside Lambda: the same assembly on Kestrel, on a free loopback port, without
/// Lambda's variables. What the Lambda run must answer the same as.
/// </summary>
public sealed class KestrelProcess : IAsyncDisposable
{
    private readonly OutputKeepingProcess _process;

    private KestrelProcess(OutputKeepingProcess process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public static async Task<KestrelProcess> StartAsync(string directory, string assembly, IReadOnlyDictionary<string, string>? settings = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(directory, assembly), "--urls", address.ToString()]) { WorkingDirectory = directory };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new KestrelProcess(new OutputKeepingProcess(start), address);
        process.Client.BaseAddress = address;
        if (!await ServerReadiness.WaitAsync(process._process.Process, process.Client, new Uri(address, "/health/ready"), TimeSpan.FromSeconds(60)))
        {
            var output = string.Join(Environment.NewLine, process._process.Output.TakeLast(40));
            await process.DisposeAsync();
            throw new TimeoutException($"{assembly} on Kestrel did not become ready:{Environment.NewLine}{output}");
        }

        return process;
    }

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        return _process.DisposeAsync();
    }
}
