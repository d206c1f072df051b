using System.ComponentModel.DataAnnotations;

namespace MultiModel.Router.Rules;

/// <summary>Where routing rules come from and how often they are re-read (section <c>Router:Rules</c>).</summary>
public sealed class RulesOptions : IValidatableObject
{
    public const string SectionName = "Router:Rules";

    public RuleSourceKind Source { get; set; } = RuleSourceKind.File;

    /// <summary>Rules file for <see cref="RuleSourceKind.File"/>; a relative path is looked up under the content root, then the app folder (see <see cref="Sources.RulesFileLocation"/>).</summary>
    [Required(ErrorMessage = SectionName + ":{0} is required.")]
    public string FilePath { get; set; } = "routes.json";

    /// <summary>Parameter Store path for <see cref="RuleSourceKind.Ssm"/>: one parameter per rule beneath it.</summary>
    [Required(ErrorMessage = SectionName + ":{0} is required.")]
    [RegularExpression("^/[A-Za-z0-9_.\\-/]*$", ErrorMessage = "Router:Rules:SsmPath must start with '/' and contain only letters, digits, '_', '.', '-' and '/'.")]
    public string SsmPath { get; set; } = "/multimodel/routes";

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Router:Rules:PollInterval must be between 00:00:01 and 01:00:00.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Endpoint override for the SSM client (tests, local stand-ins). Unset: the SDK's own resolution, which also
    /// honours AWS_ENDPOINT_URL_SSM.
    /// </summary>
    public string? SsmServiceUrl { get; set; }

    /// <summary>SDK-level retries per poll. The poll loop is itself the retry, so a few are plenty.</summary>
    [Range(0, 5, ErrorMessage = SectionName + ":{0} must be between {1} and {2}.")]
    public int SsmMaxErrorRetry { get; set; } = 2;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SsmServiceUrl is not null && !Uri.TryCreate(SsmServiceUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult(
                $"Router:Rules:SsmServiceUrl '{SsmServiceUrl}' is not an absolute URL (expected e.g. http://127.0.0.1:4583).",
                [nameof(SsmServiceUrl)]);
        }
    }
}

public enum RuleSourceKind
{
    /// <summary>A local JSON file, reloaded when it changes: the default, so a local run needs no AWS account.</summary>
    File,

    /// <summary>AWS SSM Parameter Store, polled with GetParametersByPath.</summary>
    Ssm,
}
