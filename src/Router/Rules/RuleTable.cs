using System.Collections.Frozen;

namespace MultiModel.Router.Rules;

/// <summary>
/// One immutable snapshot of the rules in force. A reload builds a new table and swaps the reference, so a request
/// sees either the old rules or the new ones, never a mix.
/// </summary>
public sealed class RuleTable
{
    private readonly FrozenDictionary<string, RouteRule> _exact;
    private readonly RouteRule[] _patterns;

    private RuleTable(FrozenDictionary<string, RouteRule> exact, RouteRule[] patterns, IReadOnlyList<SkippedRule> skipped, string fingerprint)
    {
        _exact = exact;
        _patterns = patterns;
        Skipped = skipped;
        Fingerprint = fingerprint;
        Rules = [.. exact.Values.OrderBy(r => r.Name, StringComparer.Ordinal), .. patterns];
    }

    /// <summary>Rules in force: exact ones by name, then patterns in the order they are tried.</summary>
    public IReadOnlyList<RouteRule> Rules { get; }

    public IReadOnlyList<SkippedRule> Skipped { get; }

    /// <summary>Identifies the stored content the table was built from; an unchanged fingerprint means no swap.</summary>
    public string Fingerprint { get; }

    /// <summary>
    /// Precedence: an exact id beats any pattern; among prefix and glob rules the one with more literal characters
    /// wins ("resnet-50*" over "resnet-*"), a prefix beats a glob of equal length, and the rule name breaks ties.
    /// </summary>
    public RouteRule? Resolve(string modelId)
    {
        if (_exact.TryGetValue(modelId, out var rule))
        {
            return rule;
        }

        foreach (var candidate in _patterns)
        {
            if (candidate.Match.IsMatch(modelId))
            {
                return candidate;
            }
        }

        return null;
    }

    public static RuleTable Create(IEnumerable<RouteRule> rules, IEnumerable<SkippedRule> skipped, string fingerprint)
    {
        var skippedList = skipped.ToList();
        var exact = new Dictionary<string, RouteRule>(StringComparer.Ordinal);
        foreach (var rule in rules.Where(r => r.Match.Kind == MatchKind.Exact).OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            // Two rules for one id cannot both apply; keep the outcome deterministic and say which one lost.
            if (!exact.TryAdd(rule.Match.Pattern, rule))
            {
                skippedList.Add(new SkippedRule(rule.Name, $"shadowed by rule '{exact[rule.Match.Pattern].Name}', which matches the same exact id '{rule.Match.Pattern}'"));
            }
        }

        var patterns = rules
            .Where(r => r.Match.Kind != MatchKind.Exact)
            .OrderByDescending(r => r.Match.Specificity)
            .ThenBy(r => r.Match.Kind)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToArray();

        return new RuleTable(exact.ToFrozenDictionary(StringComparer.Ordinal), patterns, skippedList, fingerprint);
    }
}
