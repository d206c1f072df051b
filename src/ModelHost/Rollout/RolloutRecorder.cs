using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Rollout;

/// <summary>What a rollout keeps of each request a policy chose a version for, and of each shadow run: the guardrail's window, the figures, the candidate's metrics.</summary>
public sealed class RolloutRecorder(CandidateGuardrails guardrails, RolloutFigures figures, RolloutMetrics metrics)
{
    /// <param name="held">Whether the request held its model: only then does it say anything about the version.</param>
    public void Answered(VersionChoice choice, int status, TimeSpan total, bool held, bool cacheHit)
    {
        if (choice.Policy is null || !held)
        {
            return; // no rollout, or the request never reached a version (a refused body says nothing of the model)
        }

        // A load's time is the store's and the disk's, not the version's: only requests that found their model loaded say how fast it runs.
        double? latencyMs = cacheHit ? total.TotalMilliseconds : null;
        figures.Answered(choice.Model, status, latencyMs);
        guardrails.Record(choice, status >= 500, latencyMs);
        if (choice.Role == VersionRole.Candidate)
        {
            metrics.CandidateAnswered(choice.Model, status, total);
        }
    }

    public void Shadowed(ModelRef shadow, TimeSpan duration, ShadowComparison? comparison)
    {
        figures.Shadowed(shadow, duration, comparison);
        metrics.ShadowRan(shadow, comparison is null ? "failed" : "ran", duration, comparison);
    }

    public void ShadowSkipped(ModelRef shadow)
    {
        figures.ShadowSkipped(shadow);
        metrics.ShadowRan(shadow, "skipped", TimeSpan.Zero, null); // counted with no time: it did not run
    }
}
