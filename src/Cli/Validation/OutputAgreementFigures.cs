namespace MultiModel.Cli.Validation;

/// <summary>One output's agreement with a reference, as reported.</summary>
/// <param name="Top1Agreement">Share of rows whose best class agrees; null for outputs that are not class scores.</param>
internal sealed record OutputAgreementFigures(string Output, int Compared, double MaxAbsDifference, double? Top1Agreement, int Mismatched)
{
    public static OutputAgreementFigures Of(OutputAgreement agreement) => new(
        agreement.Output, agreement.Compared, agreement.MaxAbsDifference, agreement.Top1Agreement, agreement.Mismatched);
}
