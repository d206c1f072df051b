namespace MultiModel.ServiceDefaults.Lambda;

/// <summary>
/// Whether the app runs as a Lambda function or on Kestrel: decided once at start and injected, so a request's path
/// asks a service, not the environment (a test can host either mode in one process).
/// </summary>
public sealed record HostingMode(bool IsLambda)
{
    /// <summary>What <see cref="LambdaEnvironment.IsLambda"/> says of this process.</summary>
    public static HostingMode FromEnvironment() => new(LambdaEnvironment.IsLambda);
}
