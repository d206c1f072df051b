using System.ComponentModel.DataAnnotations;

namespace MultiModel.Deploy.Configuration;

/// <summary>
/// The opt-in front door for callers outside AWS: an API Gateway REST API with API keys or IAM, a usage plan per
/// client, request validation, binary media types and JSON access logs (docs/deploy.md, "The API Gateway front door").
/// </summary>
internal sealed class ApiGatewayConfig : IValidatableObject
{
    public const string RouterTarget = "router";
    public const string ApiKeyAuth = "API_KEY";

    /// <summary>
    /// The function behind it: the Router (default), or the shared ModelHost for a stack that routes nothing. That
    /// function then reads REST API events only, so it loses its function URL.
    /// </summary>
    [AllowedValues(RouterTarget, DeploymentConfig.SharedFunctionName, ErrorMessage = "{0} must be 'router' or 'shared'.")]
    public string Target { get; init; } = RouterTarget;

    /// <summary><c>API_KEY</c>: every request carries a client's <c>x-api-key</c>; <c>IAM</c>: every request is SigV4-signed (service <c>execute-api</c>).</summary>
    [AllowedValues(ApiKeyAuth, "IAM", ErrorMessage = "{0} must be 'API_KEY' or 'IAM'.")]
    public string Auth { get; init; } = ApiKeyAuth;

    /// <summary>The stage, the first segment of every path on the API's URL.</summary>
    [Required(ErrorMessage = StageMessage)]
    [RegularExpression("^[A-Za-z0-9_]{1,64}$", ErrorMessage = StageMessage)]
    public string StageName { get; init; } = "prod";

    /// <summary>Whether prediction bodies are checked against the request envelopes' JSON Schemas at the edge (a 400 there costs no invocation).</summary>
    public bool ValidateRequests { get; init; } = true;

    /// <summary>Requests per second over all callers, the stage's own limit; null for the account's (10,000/s, burst 5,000).</summary>
    [Range(0.001, 10_000, ErrorMessage = SettingRules.RangeMessage)]
    public double? RateLimit { get; init; }

    [Range(1, 5_000, ErrorMessage = SettingRules.RangeMessage)]
    public int? BurstLimit { get; init; }

    /// <summary>One usage plan and API key each (needs <c>auth</c> API_KEY).</summary>
    public IReadOnlyList<ApiClientConfig> Clients { get; init; } = [];

    private const string StageMessage = "{0} must be 1-64 letters, digits or '_'.";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var where = DeploymentConfigValidator.PathOf(validationContext);
        if (Auth == ApiKeyAuth && Clients.Count == 0)
        {
            yield return new($"{where}.clients must name at least one client when auth is 'API_KEY': every request needs a key, and each key belongs to a client's usage plan.");
        }

        if (Auth != ApiKeyAuth && Clients.Count > 0)
        {
            yield return new($"{where}.clients needs auth 'API_KEY': a usage plan meters and throttles requests by their API key.");
        }

        foreach (var name in Clients.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            yield return new($"{where}.clients: the name '{name}' is used twice.");
        }
    }
}
