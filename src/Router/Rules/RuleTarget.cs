namespace MultiModel.Router.Rules;

/// <summary>One backend a rule can send a request to.</summary>
public sealed record RuleTarget(Uri Url, int Weight, TimeSpan Timeout, TargetAuth Auth, string? Region)
{
    /// <summary>Base address requests are forwarded to; also the circuit breaker's key, so each target trips alone.</summary>
    public string DestinationPrefix { get; } = TargetUrl.ToDestinationPrefix(Url);

    public override string ToString() => DestinationPrefix;
}
