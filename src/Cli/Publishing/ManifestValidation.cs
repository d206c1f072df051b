using MultiModel.Cli.Validation;

namespace MultiModel.Cli.Publishing;

/// <summary>The gates a version passed when it was published, and the figures they were decided on.</summary>
/// <param name="AgainstVersion">The live version it was compared with; null for a first version.</param>
internal sealed record ManifestValidation(
    bool Passed, int? AgainstVersion, long? ChargeBytes, long BudgetBytes, double? LoadMs, double? LatencyP50Ms, double? LiveLatencyP50Ms, IReadOnlyList<Gate> Gates)
{
    public static ManifestValidation Of(ValidationReport report) => new(
        report.Passed, report.Live?.Version, report.Candidate?.ChargeBytes, report.Budget.Bytes, report.Candidate?.LoadMs,
        report.Latency?.CandidateP50Ms, report.Latency?.LiveP50Ms, report.Gates);
}
