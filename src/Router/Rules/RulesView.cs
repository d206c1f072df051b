namespace MultiModel.Router.Rules;

/// <summary>What GET /router/rules shows: the rules in force, in the order they are tried, and the ones set aside.</summary>
public sealed record RulesView(
    string Source,
    bool Loaded,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastChangeAt,
    string? LastError,
    IReadOnlyList<RouteRule> Rules,
    IReadOnlyList<SkippedRule> Skipped,
    RouteRule? DefaultTarget);
