using System.Text.Json.Serialization;

namespace MultiModel.Router.Rules;

// The JSON shapes of one stored rule and their serializer context, in one file: they describe one document.

/// <summary>The JSON shape of one rule, as stored in a parameter value. Every field is optional here so that
/// validation, not deserialization, reports what is missing, all at once.</summary>
public sealed class RuleDocument
{
    public MatchDocument? Match { get; set; }

    public List<TargetDocument>? Targets { get; set; }

    public string? StickyHeader { get; set; }
}

/// <summary>The "match" object of a rule: exactly one of the three is expected.</summary>
public sealed class MatchDocument
{
    public string? Exact { get; set; }

    public string? Prefix { get; set; }

    public string? Glob { get; set; }
}

/// <summary>One entry of a rule's "targets" array.</summary>
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

/// <summary>
/// Unknown members are errors: a misspelt "weigth" would otherwise be silently ignored and the rule would route
/// differently from what its author wrote.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(RuleDocument))]
internal sealed partial class RuleJsonContext : JsonSerializerContext;
