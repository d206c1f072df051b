namespace MultiModel.Router.Rules;

/// <summary>The JSON shape of one rule, as stored in a parameter value. Every field is optional here so that
/// validation, not deserialization, reports what is missing, all at once.</summary>
public sealed class RuleDocument
{
    public MatchDocument? Match { get; set; }

    public List<TargetDocument>? Targets { get; set; }

    public string? StickyHeader { get; set; }
}
