using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MultiModel.ModelHost.Hosting;

/// <summary>
/// Ready once start-up prewarming has finished, and ready from then on: loading a model later never makes the host
/// unready, because orchestrators restart hosts that report unready (Triton users hit exactly that).
/// </summary>
public sealed class PrewarmHealthCheck : IHealthCheck
{
    private volatile bool _done;

    public void MarkDone() => _done = true;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_done ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("start-up prewarming is still running"));
}
