namespace MultiModel.Cli.Validation;

/// <summary>Everything validate found about a candidate: its figures, the live version's beside them, and every gate.</summary>
/// <param name="LiveReason">Why that version is the live one ("stable in rollout.json", "the highest version"); null for a first version.</param>
internal sealed record ValidationReport(
    string ModelId,
    ModelFigures? Candidate,
    ModelFigures? Live,
    string? LiveReason,
    BudgetFigures Budget,
    LatencyFigures? Latency,
    AgreementFigures? Agreement,
    IReadOnlyList<Gate> Gates)
{
    public bool Passed => Gates.All(gate => gate.Passed);

    public IEnumerable<string> FailedGates => Gates.Where(gate => !gate.Passed).Select(gate => gate.Name);
}
