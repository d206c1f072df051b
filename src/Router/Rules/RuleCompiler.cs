using MultiModel.Router.Rules.Sources;

namespace MultiModel.Router.Rules;

/// <summary>Builds a table from everything a source returned: bad rules are set aside, never the good ones.</summary>
/// <param name="defaultTimeout">
/// The timeout of a target whose rule names none. The forwarding settings own it; it is handed in so the rules need
/// not know where it is set.
/// </param>
public sealed class RuleCompiler(TimeSpan defaultTimeout)
{
    public RuleTable Compile(RuleSourceSnapshot snapshot)
    {
        var rules = new List<RouteRule>();
        var skipped = new List<SkippedRule>(snapshot.Unreadable);
        foreach (var raw in snapshot.Rules)
        {
            var result = RuleParser.Parse(raw.Name, raw.Json, raw.Version, defaultTimeout);
            if (result.Rule is { } rule)
            {
                rules.Add(rule);
            }
            else
            {
                skipped.Add(new SkippedRule(raw.Name, result.Reason));
            }
        }

        return RuleTable.Create(rules, skipped, snapshot.Fingerprint);
    }
}
