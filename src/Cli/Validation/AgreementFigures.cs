namespace MultiModel.Cli.Validation;

/// <summary>What the inputs run through the models showed.</summary>
/// <param name="Inputs">"golden samples" or "generated from the signature".</param>
/// <param name="VsLive">Each output's agreement with the live version on the same inputs; empty for a first version.</param>
/// <param name="VsExpected">Each output's agreement with the samples' expected values; empty when they give none.</param>
/// <param name="Notes">Inputs a model could not take, and other things worth knowing that fail no gate.</param>
internal sealed record AgreementFigures(
    string Inputs, int Count, IReadOnlyList<OutputAgreementFigures> VsLive, IReadOnlyList<OutputAgreementFigures> VsExpected, IReadOnlyList<string> Notes);
