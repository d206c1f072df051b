using System.IO.Hashing;
using System.Text;

namespace MultiModel.Router.Rules;

// A compiled rule and the records it is made of, in one file: they are one immutable shape, read together.

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

/// <summary>How a rule names model ids. Declaration order is precedence order between kinds.</summary>
public enum MatchKind
{
    Exact,
    Prefix,
    Glob,
}

/// <summary>One backend a rule can send a request to.</summary>
public sealed record RuleTarget(Uri Url, int Weight, TimeSpan Timeout, TargetAuth Auth, string? Region)
{
    /// <summary>Base address requests are forwarded to; also the circuit breaker's key, so each target trips alone.</summary>
    public string DestinationPrefix { get; } = TargetUrl.ToDestinationPrefix(Url);

    /// <summary>
    /// The target's identity in sticky hashing: from its URL, never its weight or position, so editing weights or the
    /// order of the list moves no caller. The parser gives a repeated URL in one rule its own seed.
    /// </summary>
    internal long StickySeed { get; init; } = SeedOf(TargetUrl.ToDestinationPrefix(Url));

    /// <summary>XXH3 (64-bit, seed 0) of the key's UTF-8 bytes: a published algorithm, the same in every process.</summary>
    public static long SeedOf(string key) => (long)XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(key));

    public override string ToString() => DestinationPrefix;
}

public enum TargetAuth
{
    /// <summary>Forward as is (a local ModelHost, a backend behind its own auth).</summary>
    None,

    /// <summary>Sign with SigV4 for service <c>lambda</c> (a function URL with AuthType AWS_IAM).</summary>
    Iam,
}
