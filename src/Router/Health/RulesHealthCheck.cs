using Microsoft.Extensions.Diagnostics.HealthChecks;
using MultiModel.Router.Rules;
using MultiModel.Router.Rules.Sources;

namespace MultiModel.Router.Health;

/// <summary>Ready once a rule snapshot has loaded; stays ready through later read failures (the last good rules serve).</summary>
public sealed class RulesHealthCheck(RuleStore store, IRuleSource source) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = store.Status;
        var data = new Dictionary<string, object>
        {
            ["source"] = source.Description,
            ["lastSuccessAt"] = status.LastSuccessAt?.ToString("O") ?? "never",
            ["lastError"] = status.LastError ?? "none",
        };
        var result = store.Current is { } table
            ? HealthCheckResult.Healthy($"{table.Rules.Count} rules in force, {table.Skipped.Count} skipped", data)
            : HealthCheckResult.Unhealthy($"no rules loaded yet from {source.Description}", data: data);
        return Task.FromResult(result);
    }
}
