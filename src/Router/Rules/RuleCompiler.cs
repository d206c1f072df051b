namespace MultiModel.Router.Rules;

/// <summary>Builds a table from everything a source returned: bad rules are set aside, never the good ones.</summary>
public static class RuleCompiler
{
    public static RuleTable Compile(RuleSourceSnapshot snapshot, TimeSpan defaultTimeout)
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
