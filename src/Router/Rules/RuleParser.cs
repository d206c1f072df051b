using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MultiModel.Router.Rules;

/// <summary>Turns one stored rule (name + JSON) into a <see cref="RouteRule"/>, collecting every problem it has.</summary>
public static partial class RuleParser
{
    public const int MaxTargets = 16;
    public const int MaxWeight = 1000;
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(15); // Lambda's own ceiling.

    public static RuleParseResult Parse(string name, string json, string version, TimeSpan defaultTimeout)
    {
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            return Fail($"not valid JSON {RuleShape.DescribeSyntaxError(ex)}");
        }

        RuleDocument? doc;
        using (parsed)
        {
            var shape = new List<string>();
            RuleShape.Check(parsed.RootElement, RuleJsonContext.Default.RuleDocument, "", shape);
            if (shape.Count > 0)
            {
                return new RuleParseResult(null, shape);
            }

            doc = parsed.RootElement.Deserialize(RuleJsonContext.Default.RuleDocument);
        }

        if (doc is null)
        {
            return Fail("value is JSON null; expected an object with \"match\" and \"targets\"");
        }

        var errors = new List<string>();
        var match = ParseMatch(doc.Match, errors);
        var targets = ParseTargets(doc.Targets, defaultTimeout, errors);
        if (doc.StickyHeader is not null && !HeaderName().IsMatch(doc.StickyHeader))
        {
            errors.Add($"stickyHeader '{doc.StickyHeader}' is not a valid header name (expected 1-64 letters, digits or '-')");
        }

        return errors.Count > 0 || match is null
            ? new RuleParseResult(null, errors)
            : new RuleParseResult(new RouteRule(name, match, targets, doc.StickyHeader, version), []);
    }

    private static RuleParseResult Fail(string error) => new(null, [error]);

    private static RuleMatch? ParseMatch(MatchDocument? match, List<string> errors)
    {
        var given = new (MatchKind Kind, string? Value)[] { (MatchKind.Exact, match?.Exact), (MatchKind.Prefix, match?.Prefix), (MatchKind.Glob, match?.Glob) }
            .Where(m => m.Value is not null)
            .ToList();
        if (given.Count != 1)
        {
            errors.Add("match must have exactly one of \"exact\", \"prefix\" or \"glob\", e.g. {\"exact\": \"iris\"}");
            return null;
        }

        var (kind, pattern) = (given[0].Kind, given[0].Value!);
        if (pattern.Length is 0 or > 256 || pattern.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '/'))
        {
            errors.Add($"match {kind.ToString().ToLowerInvariant()} '{pattern}' must be 1-256 characters without '/', spaces or control characters");
            return null;
        }

        if (kind != MatchKind.Glob && pattern.IndexOfAny(['*', '?']) >= 0)
        {
            errors.Add($"match {kind.ToString().ToLowerInvariant()} '{pattern}' contains a wildcard; use \"glob\" for patterns");
            return null;
        }

        return new RuleMatch(kind, pattern);
    }

    private static List<RuleTarget> ParseTargets(List<TargetDocument>? docs, TimeSpan defaultTimeout, List<string> errors)
    {
        var targets = new List<RuleTarget>();
        if (docs is null || docs.Count is 0 or > MaxTargets)
        {
            errors.Add($"targets must list 1-{MaxTargets} targets, e.g. [{{\"url\": \"http://localhost:5000\"}}]");
            return targets;
        }

        for (var i = 0; i < docs.Count; i++)
        {
            if (ParseTarget(docs[i], $"targets[{i}]", defaultTimeout, errors) is { } target)
            {
                targets.Add(target);
            }
        }

        if (targets.Count == docs.Count && targets.Sum(t => t.Weight) == 0)
        {
            errors.Add("at least one target needs a weight above 0");
        }

        return DistinctSeeds(targets);
    }

    /// <summary>A URL listed twice is two candidates in sticky hashing, each with its own seed, so their shares add up.</summary>
    private static List<RuleTarget> DistinctSeeds(List<RuleTarget> targets)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < targets.Count; i++)
        {
            var prefix = targets[i].DestinationPrefix;
            var repeat = seen[prefix] = seen.GetValueOrDefault(prefix) + 1;
            if (repeat > 1)
            {
                targets[i] = targets[i] with { StickySeed = RuleTarget.SeedOf($"{prefix}#{repeat}") };
            }
        }

        return targets;
    }

    private static RuleTarget? ParseTarget(TargetDocument? doc, string at, TimeSpan defaultTimeout, List<string> errors)
    {
        var before = errors.Count;
        if (doc is null)
        {
            errors.Add($"{at} is null; expected an object with \"url\"");
            return null;
        }

        if (TargetUrl.Validate(doc.Url) is { } urlError)
        {
            errors.Add($"{at}.url {urlError}");
        }

        var weight = doc.Weight ?? 1;
        if (weight is < 0 or > MaxWeight)
        {
            errors.Add($"{at}.weight {weight} is out of range (expected 0-{MaxWeight}; 0 drains the target)");
        }

        var timeout = defaultTimeout;
        if (doc.Timeout is not null
            && (!TimeSpan.TryParse(doc.Timeout, CultureInfo.InvariantCulture, out timeout) || timeout <= TimeSpan.Zero || timeout > MaxTimeout))
        {
            errors.Add($"{at}.timeout '{doc.Timeout}' is invalid (expected hh:mm:ss above 0 and at most 00:15:00, e.g. \"00:00:10\")");
        }

        TargetAuth? auth = doc.Auth?.ToUpperInvariant() switch
        {
            null or "NONE" => TargetAuth.None,
            "IAM" => TargetAuth.Iam,
            _ => null,
        };
        if (auth is null)
        {
            errors.Add($"{at}.auth '{doc.Auth}' is unknown (expected \"none\" or \"iam\")");
        }

        if (doc.Region is not null && !Region().IsMatch(doc.Region))
        {
            errors.Add($"{at}.region '{doc.Region}' is not an AWS region name (expected e.g. \"eu-west-1\")");
        }

        return errors.Count > before ? null : new RuleTarget(new Uri(doc.Url!), weight, timeout, auth!.Value, doc.Region);
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex HeaderName();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]$")]
    private static partial Regex Region();
}

/// <summary>Either a rule or every reason it was rejected (never both).</summary>
public sealed record RuleParseResult(RouteRule? Rule, IReadOnlyList<string> Errors)
{
    public string Reason => string.Join("; ", Errors);
}
