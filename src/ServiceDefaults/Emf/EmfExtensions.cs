using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MultiModel.ServiceDefaults.Emf;

/// <summary>Registers EMF output when <c>Metrics:Emf:Enabled</c> (Lambda's default); the app supplies its <see cref="EmfContract"/>.</summary>
public static class EmfExtensions
{
    internal static void AddEmf(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => EmfOutput.StandardOutput());
        services.AddSingleton<EmfEmitter>();
        // Started with the host, before the apps' own hosted services (a start-up prewarm's loads are measured too).
        services.AddHostedService(provider => provider.GetRequiredService<EmfEmitter>());
        services.AddTransient<IStartupFilter, EmfStartupFilter>();
    }
}
