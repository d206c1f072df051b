namespace MultiModel.Router.Forwarding;

/// <summary>The status and ProblemDetails text for a failed forward.</summary>
public sealed record ForwardProblem(int StatusCode, string Title, string Detail, TimeSpan? RetryAfter = null);
