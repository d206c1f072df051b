namespace MultiModel.Router.Rules;

/// <summary>The JSON shape of one rule, as stored in a parameter value. Every field is optional here so that
/// validation, not deserialization, reports what is missing, all at once.</summary>
public sealed class RuleDocument
{
    public MatchDocument? Match { get; set; }

    public List<TargetDocument>? Targets { get; set; }

    public string? StickyHeader { get; set; }
}

public sealed class MatchDocument
{
    public string? Exact { get; set; }

    public string? Prefix { get; set; }

    public string? Glob { get; set; }
}

public sealed class TargetDocument
{
    public string? Url { get; set; }

    public int? Weight { get; set; }

    /// <summary>A TimeSpan such as "00:00:10" (hh:mm:ss).</summary>
    public string? Timeout { get; set; }

    /// <summary>"none" (default) or "iam".</summary>
    public string? Auth { get; set; }

    public string? Region { get; set; }
}
