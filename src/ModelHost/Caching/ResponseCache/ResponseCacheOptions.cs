using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Caching.ResponseCache;

/// <summary>
/// The response cache, bound from <c>ModelHost:ResponseCache</c>. Opt in per model, for models whose outputs depend only
/// on their inputs: with no model enabled nothing is hashed, stored or reserved.
/// </summary>
public sealed class ResponseCacheOptions : IValidatableObject
{
    public const string SectionName = "ModelHost:ResponseCache";

    /// <summary>Models that never leave the process budget less than this: the response cache may not take the rest.</summary>
    public const int MinimumModelBudgetMegabytes = 64;

    /// <summary>
    /// Bytes the stored answers may take, at most. Taken out of the process's budget (<c>ModelHost:Cache:BudgetMegabytes</c>
    /// or its derived value) when any model is enabled: the models get the rest.
    /// </summary>
    [Range(1, 1_048_576)]
    public int MaxMegabytes { get; set; } = 32;

    /// <summary>How long an answer is served after it was stored (the <c>Age</c> a hit carries never passes it).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "7.00:00:00")]
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest answer stored; larger ones are served as usual and not kept.</summary>
    [Range(1, 1_048_576)]
    public int MaxEntryKilobytes { get; set; } = 1024;

    /// <summary>Models whose answers are cached, by id.</summary>
    public Dictionary<string, ModelResponseCacheOptions> Models { get; set; } = [];

    public bool Enabled => Models.Values.Any(static model => model.Enabled);

    internal long MaxBytes => MaxMegabytes * 1024L * 1024;

    internal int MaxEntryBytes => MaxEntryKilobytes * 1024;

    public bool IsEnabled(string modelId) => Models.TryGetValue(modelId, out var model) && model.Enabled;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var id in Models.Keys.Where(static id => !ModelIdRule.IsValid(id)))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(Models)}:{id}: '{id}' is not a valid model id.");
        }

        if (MaxEntryBytes > MaxBytes)
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(MaxEntryKilobytes)} is {MaxEntryKilobytes} KB, more than {SectionName}:{nameof(MaxMegabytes)} = {MaxMegabytes} MB.");
        }
    }
}

/// <summary>The checks of <see cref="ResponseCacheOptions"/>' attributes, generated at build time instead of found by reflection at start.</summary>
[OptionsValidator]
internal sealed partial class ResponseCacheOptionsValidator : IValidateOptions<ResponseCacheOptions>;
