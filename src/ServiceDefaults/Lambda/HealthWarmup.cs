namespace MultiModel.ServiceDefaults.Lambda;

/// <summary>Every app's health endpoints: the pipeline's first request, paid for in the init phase.</summary>
internal sealed class HealthWarmup : ILambdaWarmup
{
    public IEnumerable<LambdaWarmupRequest> Requests() => [new("GET", "/health/live"), new("GET", "/health/ready")];
}
