using MultiModel.Router.Rules;

namespace MultiModel.Router.TargetSelection;

/// <summary>What the router decided for one request; attached and read with <see cref="RouteDecisionExtensions"/>.</summary>
/// <param name="BufferedBody">The request body when it had to be buffered (IAM signing, or small enough to replay on retry).</param>
/// <param name="ClientAborted">The caller's abort token: tells a timeout apart from a caller who hung up.</param>
public sealed record RouteDecision(
    string ModelId,
    RouteRule Rule,
    RuleTarget Target,
    string RequestId,
    byte[]? BufferedBody,
    CancellationToken ClientAborted)
{
    /// <summary>A request can be resent only if its body is in memory (or it has none).</summary>
    public bool IsReplayable(HttpRequestMessage request) => BufferedBody is not null || request.Content is null;
}
