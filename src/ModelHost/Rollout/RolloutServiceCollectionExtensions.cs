using Microsoft.Extensions.DependencyInjection.Extensions;
using MultiModel.ServiceDefaults;

namespace MultiModel.ModelHost.Rollout;

public static class RolloutServiceCollectionExtensions
{
    /// <summary>Rollout policies read from the store, the version chosen per request, guardrails, figures and metrics.</summary>
    public static IServiceCollection AddRollouts(this IServiceCollection services)
    {
        services.TryAddSingleton(Random.Shared); // decided once: a test registers a seeded one first
        services.AddSingleton<RolloutPolicies>();
        services.AddInstruments<RolloutMetrics>();
        services.AddSingleton<CandidateGuardrails>();
        services.AddSingleton<RolloutFigures>();
        services.AddSingleton<RolloutRecorder>();
        services.AddSingleton<RolloutStatus>();
        services.AddSingleton<VersionSelector>();
        return services;
    }
}
