namespace MultiModel.Router.Rules;

/// <summary>Either a rule or every reason it was rejected (never both).</summary>
public sealed record RuleParseResult(RouteRule? Rule, IReadOnlyList<string> Errors)
{
    public string Reason => string.Join("; ", Errors);
}
