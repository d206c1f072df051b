using System.ComponentModel.DataAnnotations;
using MultiModel.Router.Rules;

namespace MultiModel.Router.Forwarding;

/// <summary>Top-level router settings (section <c>Router</c>).</summary>
public sealed class RouterOptions : IValidatableObject
{
    public const string SectionName = "Router";

    /// <summary>Where a request goes when no rule matches; unset means 404.</summary>
    public string? DefaultTarget { get; set; }

    public TargetAuth DefaultTargetAuth { get; set; } = TargetAuth.None;

    /// <summary>Signing region when a target names none and its host is not a Lambda function URL.</summary>
    public string? Region { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DefaultTarget is not null && TargetUrl.Validate(DefaultTarget) is { } error)
        {
            yield return new ValidationResult($"Router:DefaultTarget {error}", [nameof(DefaultTarget)]);
        }
    }
}
