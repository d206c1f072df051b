using System.Text.Json;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Monitoring;

/// <summary>
/// The distribution of a model's top score it is compared with: given in its sidecar as <c>"confidenceBaseline"</c>,
/// ten non-negative numbers (counts or fractions of top scores in the bins [0, 0.1), [0.1, 0.2), ..., [0.9, 1]), e.g.
/// the histogram of its top scores on its validation set.
/// </summary>
public static class ConfidenceBaseline
{
    public const string Property = "confidenceBaseline";

    /// <summary>The baseline's share of each bin, or the reason it cannot be used (null when it can).</summary>
    public static double[]? Parse(JsonElement given, ModelRef model, out string? problem)
    {
        problem = null;
        var expected = $"an array of {ConfidenceBins.Count} non-negative numbers, the counts or fractions of top scores in the bins [0, 0.1), [0.1, 0.2), ..., [0.9, 1]";
        if (given.ValueKind != JsonValueKind.Array)
        {
            problem = $"\"{Property}\" in the {ModelFiles.Sidecar} of {model} is {given.ValueKind.ToString().ToLowerInvariant()}; expected {expected}.";
            return null;
        }

        if (given.GetArrayLength() != ConfidenceBins.Count)
        {
            problem = $"\"{Property}\" in the {ModelFiles.Sidecar} of {model} has {given.GetArrayLength()} numbers; expected {expected}.";
            return null;
        }

        var shares = new double[ConfidenceBins.Count];
        var bin = 0;
        foreach (var item in given.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out var value) || !double.IsFinite(value) || value < 0)
            {
                problem = $"\"{Property}\" in the {ModelFiles.Sidecar} of {model} has {item.GetRawText()} for bin {bin}; expected {expected}.";
                return null;
            }

            shares[bin++] = value;
        }

        var total = shares.Sum();
        if (total <= 0)
        {
            problem = $"\"{Property}\" in the {ModelFiles.Sidecar} of {model} is all zeros; expected {expected}, at least one above zero.";
            return null;
        }

        for (var index = 0; index < shares.Length; index++)
        {
            shares[index] /= total;
        }

        return shares;
    }
}
