namespace MultiModel.ServiceDefaults.Lambda;

/// <summary>What tells an app it runs as a Lambda function, and the limits Lambda puts on it.</summary>
public static class LambdaEnvironment
{
    /// <summary>
    /// Lambda's limit on a synchronous invocation's response payload: 6 MB and 100 bytes, as its error message says.
    /// A response over it is refused by the Runtime API (the caller gets Function.ResponseSizeTooLarge) and the .NET
    /// runtime then ends the process, so the next request pays a cold start.
    /// </summary>
    public const int MaxResponsePayloadBytes = 6_291_556;

    /// <summary>Set by Lambda in every function's environment; the hosting adapter is a no-op without it.</summary>
    public static bool IsLambda { get; } = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME") is { Length: > 0 };
}
