using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Api;

namespace MultiModel.ModelHost.Hosting;

/// <summary>
/// Loads the configured models while the host starts, before it reports ready. On Lambda this runs in the init phase,
/// the cheapest place to pay for a load. A model that fails to prewarm is logged and loads on demand later.
/// </summary>
internal sealed class StartupPrewarm(Prewarmer prewarmer, IOptions<PrewarmOptions> options, PrewarmHealthCheck readiness) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await prewarmer.PrewarmAsync(options.Value.Models, cancellationToken);
        readiness.MarkDone();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
