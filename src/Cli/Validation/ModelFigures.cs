namespace MultiModel.Cli.Validation;

/// <summary>What one model was measured at, as the host measures it.</summary>
/// <param name="Source">The file, or the store's version it was loaded from.</param>
/// <param name="ChargeMeasured">Whether the charge was measured (native allocations) or is the host's file-size estimate.</param>
internal sealed record ModelFigures(
    string Source, int Version, long FileBytes, double LoadMs, long ChargeBytes, bool ChargeMeasured, string Inputs, string Outputs, string? ScoresOutput);
