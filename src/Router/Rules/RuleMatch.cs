namespace MultiModel.Router.Rules;

/// <summary>The model ids a rule applies to. Comparison is ordinal and case-sensitive, like the model store's keys.</summary>
public sealed record RuleMatch(MatchKind Kind, string Pattern)
{
    /// <summary>
    /// Literal characters in the pattern: among prefix and glob rules, the one that says more about the id wins.
    /// </summary>
    public int Specificity { get; } = Kind == MatchKind.Glob
        ? Pattern.Count(c => c is not ('*' or '?'))
        : Pattern.Length;

    public bool IsMatch(string modelId) => Kind switch
    {
        MatchKind.Exact => string.Equals(modelId, Pattern, StringComparison.Ordinal),
        MatchKind.Prefix => modelId.StartsWith(Pattern, StringComparison.Ordinal),
        _ => Glob.IsMatch(Pattern, modelId),
    };

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} '{Pattern}'";
}
