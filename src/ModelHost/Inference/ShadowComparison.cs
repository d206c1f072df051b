namespace MultiModel.ModelHost.Inference;

/// <summary>How far a shadow run's outputs are from the answer's, over the numeric tensors both returned.</summary>
/// <param name="MaxAbsDifference">The largest absolute difference of any element; infinity where shapes differ.</param>
/// <param name="RowsCompared">Rows of a classifier's scores compared by their top class (none for other models).</param>
/// <param name="RowsAgreeing">Of those, rows whose top class is the same.</param>
public readonly record struct ShadowComparison(double MaxAbsDifference, int OutputsCompared, int RowsCompared, int RowsAgreeing)
{
    /// <summary>The share of rows whose top class agreed; null when no classifier output was compared.</summary>
    public double? Top1Agreement => RowsCompared == 0 ? null : (double)RowsAgreeing / RowsCompared;
}
