using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MultiModel.ModelHost.Monitoring;

/// <summary>Settings of prediction-confidence drift for models with labels, bound from <c>ModelHost:ConfidenceDrift</c>.</summary>
public sealed class ConfidenceDriftOptions : IValidatableObject
{
    public const string SectionName = "ModelHost:ConfidenceDrift";

    /// <summary>Whether models with labels have their top scores watched at all. Off, nothing is recorded or exported.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// For a model whose sidecar gives no <c>confidenceBaseline</c>: how many top scores (one per row) after it loads
    /// make its baseline. Learned again at every load, so it describes what the model sees in this process.
    /// </summary>
    [Range(10, 1_000_000)]
    public int BaselineSize { get; set; } = 1000;

    /// <summary>How many of the latest top scores the drift is computed over; one byte each per loaded model.</summary>
    [Range(10, 65_536)]
    public int WindowSize { get; set; } = 1000;

    /// <summary>No drift is reported from fewer scores in the window than this: a handful of scores drifts by chance.</summary>
    [Range(1, 65_536)]
    public int MinimumSamples { get; set; } = 200;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinimumSamples > WindowSize)
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(MinimumSamples)} ({MinimumSamples}) cannot exceed {nameof(WindowSize)} ({WindowSize}): no window would ever hold enough scores.",
                [nameof(MinimumSamples), nameof(WindowSize)]);
        }
    }
}

/// <summary>The checks of <see cref="ConfidenceDriftOptions"/>' attributes, generated at build time instead of found by reflection at start.</summary>
[OptionsValidator]
internal sealed partial class ConfidenceDriftOptionsValidator : IValidateOptions<ConfidenceDriftOptions>;
