namespace MultiModel.Router.Rules;

/// <summary>A validated rule: immutable, shared by every request that reads the snapshot holding it.</summary>
/// <param name="Name">Parameter name below the rules path (or the key in the rules file).</param>
/// <param name="StickyHeader">Request header whose value pins a caller to one target; null picks at random.</param>
/// <param name="Version">SSM parameter version, or the file's content hash: lets logs tie a decision to an edit.</param>
public sealed record RouteRule(
    string Name,
    RuleMatch Match,
    IReadOnlyList<RuleTarget> Targets,
    string? StickyHeader,
    string Version)
{
    public int TotalWeight { get; } = Targets.Sum(t => t.Weight);
}
