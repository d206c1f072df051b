using Microsoft.Extensions.Options;
using MultiModel.Router.Rules;

namespace MultiModel.Router.Forwarding;

/// <summary>Router:DefaultTarget as a catch-all rule, consulted only when no stored rule matches.</summary>
public sealed class DefaultRule(IOptions<RouterOptions> options, IOptions<ForwardingOptions> forwarding)
{
    public const string Name = "(default target)";

    public RouteRule? Rule { get; } = options.Value.DefaultTarget is { } url
        ? new RouteRule(Name, new RuleMatch(MatchKind.Glob, "*"),
            [new RuleTarget(new Uri(url), 1, forwarding.Value.DefaultTimeout, options.Value.DefaultTargetAuth, null)], null, "config")
        : null;
}
