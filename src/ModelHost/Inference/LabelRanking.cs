namespace MultiModel.ModelHost.Inference;

/// <summary>One row's top labels, best first (never empty: a sidecar asks for at least one).</summary>
/// <param name="BelowThreshold">Whether the best score is under the sidecar's threshold (or NaN), so the label is not to be trusted.</param>
public sealed record LabelRanking(IReadOnlyList<RankedLabel> Top, bool BelowThreshold)
{
    public RankedLabel Best => Top[0];
}
