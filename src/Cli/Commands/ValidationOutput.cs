using MultiModel.Cli.Validation;

namespace MultiModel.Cli.Commands;

/// <summary>A validation report as a person reads it: the figures of both versions, then every gate, PASS or FAIL.</summary>
internal static class ValidationOutput
{
    public static void Write(CommandContext context, ValidationReport report, string subject)
    {
        context.Line($"{subject} against {(report.Live is { } live ? $"version {live.Version} ({report.LiveReason})" : "no live version (a first version: self-checks only)")}");
        if (report.Candidate is { } candidate)
        {
            context.Line($"  candidate  {Model(candidate)}");
            context.Line($"             inputs {candidate.Inputs}; outputs {candidate.Outputs}");
        }

        if (report.Live is { } theirs)
        {
            context.Line($"  live       {Model(theirs)}");
        }

        context.Line($"  budget     {Units.Bytes(report.Budget.Bytes)} ({report.Budget.Source})");
        if (report.Latency is { } latency)
        {
            context.Line($"  latency    p50 {Units.Milliseconds(latency.CandidateP50Ms)}" +
                (latency.LiveP50Ms is { } liveP50 ? $" vs {Units.Milliseconds(liveP50)} live" : "") + $" ({latency.Rounds} rounds on {latency.Input})");
        }

        if (report.Agreement is { } agreement)
        {
            context.Line($"  inputs     {agreement.Count} {agreement.Inputs}");
            Agreements(context, "vs live", agreement.VsLive);
            Agreements(context, "vs expected", agreement.VsExpected);
            foreach (var note in agreement.Notes)
            {
                context.Line($"  note       {note}");
            }
        }

        context.Line("gates");
        foreach (var gate in report.Gates)
        {
            context.Line($"  {(gate.Passed ? "PASS" : "FAIL")} {gate.Name,-9} {gate.Detail}");
        }

        context.Line(report.Passed ? "passed" : $"failed: {string.Join(", ", report.FailedGates)}");
    }

    private static void Agreements(CommandContext context, string against, IReadOnlyList<OutputAgreementFigures> outputs)
    {
        foreach (var output in outputs)
        {
            var top1 = output.Top1Agreement is { } share ? $", top-1 {Units.Percent(share)}" : "";
            var mismatched = output.Mismatched > 0 ? $", {output.Mismatched} not comparable" : "";
            context.Line($"  {against,-10} '{output.Output}' max |diff| {Units.Number(output.MaxAbsDifference)}{top1} over {output.Compared}{mismatched}");
        }
    }

    private static string Model(ModelFigures model) =>
        $"{Units.Bytes(model.FileBytes)} of files, loaded in {Units.Milliseconds(model.LoadMs)}, charged {Units.Bytes(model.ChargeBytes)}" +
        (model.ChargeMeasured ? " (measured)" : " (file-size estimate)") + $" [{model.Source}]";
}
