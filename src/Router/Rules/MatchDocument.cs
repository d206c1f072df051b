namespace MultiModel.Router.Rules;

/// <summary>The "match" object of a rule: exactly one of the three is expected.</summary>
public sealed class MatchDocument
{
    public string? Exact { get; set; }

    public string? Prefix { get; set; }

    public string? Glob { get; set; }
}
