using System.Diagnostics;
using System.Globalization;
using MultiModel.TestSupport;

namespace MultiModel.ModelHost.S3.Tests.Support;

/// <summary>
/// A real Ceph radosgw (with its monitor and a memstore OSD) on free loopback ports, in a temporary folder, run by
/// tests/infra/radosgw/*.sh. Stopped by pid on dispose; a watchdog started with it also stops it if this process dies.
/// </summary>
public sealed class RadosgwServer : IAsyncDisposable
{
    private readonly string _scripts;

    private RadosgwServer(string scripts, string directory, int port, string accessKey, string secretKey)
    {
        _scripts = scripts;
        Directory = directory;
        ServiceUrl = $"http://127.0.0.1:{port}";
        AccessKey = accessKey;
        SecretKey = secretKey;
    }

    public string Directory { get; }

    public string ServiceUrl { get; }

    public string AccessKey { get; }

    public string SecretKey { get; }

    public static async Task<RadosgwServer> StartAsync(int memstoreMegabytes = 1024)
    {
        // One more try on fresh ports and a fresh folder: a whole test project fails with its fixture, and a cluster
        // start that failed once on a loaded CI machine must not cost every S3 test.
        try
        {
            return await StartOnceAsync(memstoreMegabytes);
        }
        catch (InvalidOperationException first)
        {
            try
            {
                return await StartOnceAsync(memstoreMegabytes);
            }
            catch (InvalidOperationException second)
            {
                throw new InvalidOperationException($"radosgw did not start twice. First: {first.Message} Second: {second.Message}", second);
            }
        }
    }

    private static async Task<RadosgwServer> StartOnceAsync(int memstoreMegabytes)
    {
        var scripts = RepositoryPaths.Of("tests/infra/radosgw");
        var directory = System.IO.Directory.CreateTempSubdirectory("radosgw-").FullName;
        var server = new RadosgwServer(scripts, directory, FreePort.Next(), "TEST" + RandomHex(16), RandomHex(40));
        var port = new Uri(server.ServiceUrl).Port;
        try
        {
            await server.RunAsync(
                "start.sh",
                directory,
                FreePort.Next().ToString(CultureInfo.InvariantCulture),
                port.ToString(CultureInfo.InvariantCulture),
                server.AccessKey,
                server.SecretKey,
                memstoreMegabytes.ToString(CultureInfo.InvariantCulture),
                Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Takes S3 away: the gateway process ends, its port refuses connections.</summary>
    public Task StopGatewayAsync() => RunAsync("rgw.sh", "stop", Directory);

    public Task StartGatewayAsync() => RunAsync("rgw.sh", "start", Directory);

    /// <summary>Makes S3 hang: the gateway is suspended, so connections open but no answer ever comes.</summary>
    public Task FreezeGatewayAsync() => RunAsync("rgw.sh", "freeze", Directory);

    public Task ThawGatewayAsync() => RunAsync("rgw.sh", "thaw", Directory);

    public async ValueTask DisposeAsync() => await RunAsync("stop.sh", Directory, "--delete");

    private async Task RunAsync(string script, params string[] arguments)
    {
        // Output goes to a file, not a pipe: the daemons outlive the script and would hold a pipe open.
        var output = Path.Combine(Path.GetTempPath(), $"radosgw-{Guid.NewGuid():N}.out");
        var start = new ProcessStartInfo("bash") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec >\"$0\" 2>&1; exec bash \"$@\"");
        start.ArgumentList.Add(output);
        start.ArgumentList.Add(Path.Combine(_scripts, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var text = File.Exists(output) ? await File.ReadAllTextAsync(output) : "";
        File.Delete(output);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} exited with {process.ExitCode}: {text}");
        }
    }

    private static string RandomHex(int length) => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(length / 2));
}
