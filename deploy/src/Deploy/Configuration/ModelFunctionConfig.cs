using System.ComponentModel.DataAnnotations;
using MultiModel.ModelHost.Models;

namespace MultiModel.Deploy.Configuration;

/// <summary>One ModelHost function. Sizes left null fall back to the stack's CloudFormation parameters.</summary>
internal sealed record ModelFunctionConfig : IValidatableObject
{
    /// <summary>Lower-case name used in construct ids and by routes (<c>"function": "fraud"</c>).</summary>
    [Required(ErrorMessage = SettingRules.NameMessage)]
    [RegularExpression(SettingRules.NamePattern, ErrorMessage = SettingRules.NameMessage)]
    public string Name { get; init; } = "";

    /// <summary>
    /// Model ids loaded at init (ModelHost__Prewarm__Models__N). For an isolated function these are also the only
    /// models its role may read from the bucket.
    /// </summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    [Range(128, 10240, ErrorMessage = SettingRules.RangeMessage)]
    public int? MemoryMb { get; init; }

    [Range(512, 10240, ErrorMessage = SettingRules.RangeMessage)]
    public int? EphemeralStorageMb { get; init; }

    [Range(1, 900, ErrorMessage = SettingRules.RangeMessage)]
    public int? TimeoutSeconds { get; init; }

    /// <summary>Provisioned concurrency on the <c>live</c> alias; 0 means none (pay per use, cold starts possible).</summary>
    [Range(0, int.MaxValue, ErrorMessage = "{0} must be 0 (none) or more.")]
    public int ProvisionedConcurrency { get; init; }

    /// <summary>Optional scheduled warm-up; null means none.</summary>
    public WarmupConfig? Warmup { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var where = DeploymentConfigValidator.PathOf(validationContext);
        foreach (var model in Models.Concat(Warmup?.Models ?? []).Where(m => !ModelIdRule.IsValid(m)))
        {
            yield return new($"{where}: model id '{model}' must be {ModelIdRule.Description}.");
        }

        if (Warmup is not null && Models.Count == 0 && Warmup.Models.Count == 0)
        {
            yield return new($"{where}.warmup has no models to prewarm: list them in warmup.models or models.");
        }
    }
}
