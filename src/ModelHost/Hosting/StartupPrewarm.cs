using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Api;

namespace MultiModel.ModelHost.Hosting;

/// <summary>
/// Loads the configured models while the host starts, before it reports ready. On Lambda this runs in the init phase,
/// the cheapest place to pay for a load. A model that fails to prewarm is logged and loads on demand later. With no
/// model to prewarm (the local default) the prewarmer and the cache behind it are not even built here: the host
/// starts listening without waiting for them (bench/ColdStart).
/// </summary>
internal sealed class StartupPrewarm(IServiceProvider services, IOptions<PrewarmOptions> options, PrewarmHealthCheck readiness) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Models.Length > 0)
        {
            await services.GetRequiredService<Prewarmer>().PrewarmAsync(options.Value.Models, cancellationToken);
        }

        readiness.MarkDone();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
