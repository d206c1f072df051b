using MultiModel.ModelHostProcess;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Support;

/// <summary>
/// One real ModelHost process on Kestrel (loopback) for a test class, for what only Kestrel does: the in-process test
/// server parses no request line and applies none of Kestrel's limits.
/// </summary>
public sealed class KestrelHostFixture : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("modelhost-kestrel-").FullName;
    private HostProcess? _host;

    public Uri Address => (_host ?? throw new InvalidOperationException("not started")).Address;

    public async Task InitializeAsync()
    {
        TestModelFactory.WriteToStore(_root, "mlp", 1, TestModelFactory.Mlp(3, 5, 2));
        _host = await HostProcess.StartAsync(_root, new Dictionary<string, string>());
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }
}
