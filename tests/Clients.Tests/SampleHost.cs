using MultiModel.ModelHostProcess;
using MultiModel.TestSupport;

namespace MultiModel.Clients.Tests;

/// <summary>The ModelHost on Kestrel serving the repository's sample models, once for the tests of a class.</summary>
public sealed class SampleHost : IAsyncLifetime
{
    private HostProcess? _host;

    public Uri Address => _host!.Address;

    public async Task InitializeAsync() =>
        _host = await HostProcess.StartAsync(RepositoryPaths.Of("src/ModelHost/SampleModels"), new Dictionary<string, string>());

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
