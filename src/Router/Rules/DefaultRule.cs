namespace MultiModel.Router.Rules;

/// <summary>Router:DefaultTarget as a catch-all rule, consulted only when no stored rule matches.</summary>
/// <remarks>Given the values, not the settings, as <see cref="RuleCompiler"/> is: the settings are Forwarding's, above Rules.</remarks>
public sealed class DefaultRule(string? url, TargetAuth auth, TimeSpan timeout)
{
    public const string Name = "(default target)";

    /// <summary>Null when no default target is set: a model id no rule matches then gets 404.</summary>
    public RouteRule? Rule { get; } = url is not null
        ? new RouteRule(Name, new RuleMatch(MatchKind.Glob, "*"), [new RuleTarget(new Uri(url), 1, timeout, auth, null)], null, "config")
        : null;
}
