namespace MultiModel.Deploy.Tests.Lambda;

/// <summary>What became of one invocation: the function's response, its reported error, or a response Lambda refused.</summary>
/// <param name="Duration">From the runtime taking the event to its answer: what Lambda bills as the invocation.</param>
public sealed record InvocationResult(string RequestId, InvocationOutcome Outcome, string Body, TimeSpan Duration);

public enum InvocationOutcome
{
    Response,
    Error,

    /// <summary>Over the payload limit: Lambda answers the caller Function.ResponseSizeTooLarge.</summary>
    ResponseTooLarge,
}
