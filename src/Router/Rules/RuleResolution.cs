namespace MultiModel.Router.Rules;

/// <summary>
/// What <see cref="RuleResolver"/> found for a model id: the rule to forward by or, when <see cref="Rule"/> is null, the
/// answer the caller gets instead: its status, ProblemDetails title and detail, and how long to wait when waiting helps.
/// </summary>
/// <remarks>A struct: every request makes one, and a found rule needs nothing else.</remarks>
public readonly record struct RuleResolution(RouteRule? Rule, int StatusCode, string Title, string Detail, TimeSpan? RetryAfter)
{
    public static RuleResolution Found(RouteRule rule) => new(rule, 0, "", "", null);

    public static RuleResolution Refused(int statusCode, string title, string detail, TimeSpan? retryAfter = null) =>
        new(null, statusCode, title, detail, retryAfter);
}
