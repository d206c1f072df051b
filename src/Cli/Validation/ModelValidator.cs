using MultiModel.Cli.Stores;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Validation;

/// <summary>
/// Validates a candidate against the live version, in this order: it loads with the host's loader (a corrupt file or
/// a labels.json that does not fit stops here), callers of the live version can call it unchanged, it fits the cache
/// budget and costs at most so much more memory, it answers what the live version answered and agrees with it (or with
/// the golden samples), and its warm latency is at most so much worse in the same run.
/// </summary>
internal sealed class ModelValidator(ModelMeasurer measurer, ValidationLimits limits, CacheBudget budget)
{
    /// <summary>Growth in memory charge too small to fail the memory gate, whatever the ratio.</summary>
    public const long MemorySlackBytes = 1024 * 1024;

    public async Task<ValidationReport> ValidateAsync(
        ValidationSubject candidate, ValidationSubject? live, IReadOnlyList<InputSet>? samples, CancellationToken cancellationToken)
    {
        var budgetFigures = new BudgetFigures(budget.Bytes, budget.Source);
        MeasuredModel ours;
        try
        {
            ours = await measurer.LoadAsync(candidate.Store, candidate.Ref, cancellationToken);
        }
        catch (ModelLoadFailedException exception)
        {
            return new ValidationReport(candidate.Ref.Id, null, null, live?.Reason, budgetFigures, null, null, [new Gate("load", false, exception.Message)]);
        }

        using (ours)
        {
            using var theirs = live is null ? null : await LoadLiveAsync(live, cancellationToken);
            var gates = new List<Gate>
            {
                new("load", true, $"loaded in {Units.Milliseconds(ours.LoadTime.TotalMilliseconds)} by the host's loader" +
                    (ours.HasSidecar ? $", {ModelFiles.Sidecar} checked against its outputs" : "")),
            };
            if (theirs is not null)
            {
                var problems = SignatureCheck.Compare(theirs, ours);
                gates.Add(new Gate("interface", problems.Count == 0, problems.Count == 0
                    ? $"takes every input and returns every output of version {theirs.Ref.Version}" : string.Join("; ", problems), problems.Count, 0));
            }

            gates.Add(BudgetGate(ours));
            if (theirs is not null)
            {
                gates.Add(MemoryGate(ours, theirs));
            }

            var check = new AgreementCheck(ours, theirs, limits);
            var (agreement, agreementGates) = check.Run(samples ?? GeneratedInputs.Create(ours.Signature), golden: samples is not null);
            gates.AddRange(agreementGates);
            var latency = check.Runnable is { } both ? LatencyRace.Run(ours, theirs, both, limits.Rounds)
                : check.CandidateRunnable is { } alone ? LatencyRace.Run(ours, null, alone, limits.Rounds)
                : null;
            if (latency?.Ratio is { } ratio)
            {
                gates.Add(LatencyGate(latency, ratio));
            }

            return new ValidationReport(candidate.Ref.Id, Figures(ours, candidate.Source), theirs is null ? null : Figures(theirs, live!.Source), live?.Reason,
                budgetFigures, latency, agreement, gates);
        }
    }

    private async Task<MeasuredModel> LoadLiveAsync(ValidationSubject live, CancellationToken cancellationToken)
    {
        try
        {
            return await measurer.LoadAsync(live.Store, live.Ref, cancellationToken);
        }
        catch (ModelLoadFailedException exception)
        {
            throw new StoreException($"The live version {live.Ref} ({live.Reason}) could not be loaded to compare with: {exception.Message}", exception);
        }
    }

    private Gate BudgetGate(MeasuredModel model)
    {
        var charge = model.Charge.Bytes;
        var largest = Math.Max(charge, model.FileBytes);
        var detail = $"charged {Units.Bytes(charge)} ({How(model)}) of a cache budget of {Units.Bytes(budget.Bytes)}";
        return largest <= budget.Bytes
            ? new Gate("budget", true, detail, largest, budget.Bytes)
            : new Gate("budget", false,
                $"{detail}: {Units.Bytes(largest - budget.Bytes)} over{(model.FileBytes > budget.Bytes ? $" (its {Units.Bytes(model.FileBytes)} of files alone are over)" : "")}; a host of that size refuses it (507)",
                largest, budget.Bytes);
    }

    private Gate MemoryGate(MeasuredModel ours, MeasuredModel theirs)
    {
        var ratio = (double)ours.Charge.Bytes / Math.Max(1, theirs.Charge.Bytes);
        var detail = $"{Units.Ratio(ratio)} live (limit {Units.Ratio(limits.MaxMemoryRatio)}): {Units.Bytes(ours.Charge.Bytes)} vs {Units.Bytes(theirs.Charge.Bytes)}";
        // A session's own bookkeeping is a few hundred KB whatever the model: between two small models the ratio says
        // nothing about the budget, so growth under MemorySlackBytes never fails the gate.
        var passed = ratio <= limits.MaxMemoryRatio || ours.Charge.Bytes - theirs.Charge.Bytes < MemorySlackBytes;
        return passed
            ? new Gate("memory", true, ratio <= limits.MaxMemoryRatio ? detail : $"{detail}: over the ratio, but by less than {Units.Bytes(MemorySlackBytes)}", ratio, limits.MaxMemoryRatio)
            : new Gate("memory", false, $"{detail}, {Units.Percent(ratio / limits.MaxMemoryRatio - 1)} over the limit", ratio, limits.MaxMemoryRatio);
    }

    private Gate LatencyGate(LatencyFigures latency, double ratio)
    {
        var detail = $"{Units.Ratio(ratio)} live (limit {Units.Ratio(limits.MaxLatencyRatio)}): p50 {Units.Milliseconds(latency.CandidateP50Ms)} vs {Units.Milliseconds(latency.LiveP50Ms!.Value)} over {latency.Rounds} interleaved rounds";
        return ratio <= limits.MaxLatencyRatio
            ? new Gate("latency", true, detail, ratio, limits.MaxLatencyRatio)
            : new Gate("latency", false, $"{detail}, {Units.Percent(ratio / limits.MaxLatencyRatio - 1)} over the limit", ratio, limits.MaxLatencyRatio);
    }

    private static ModelFigures Figures(MeasuredModel model, string source) => new(
        source, model.Ref.Version, model.FileBytes, model.LoadTime.TotalMilliseconds, model.Charge.Bytes, model.Charge.MeasuredBytes is not null,
        ModelSignature.Describe(model.Signature.Inputs), model.Signature.DescribeOutputs(), model.Labels?.ScoresOutput);

    private static string How(MeasuredModel model) => model.Charge.MeasuredBytes is null ? "the host's file-size estimate" : "measured as it loaded";
}
