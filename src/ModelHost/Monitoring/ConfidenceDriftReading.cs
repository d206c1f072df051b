namespace MultiModel.ModelHost.Monitoring;

/// <summary>Where a model's confidence drift stands, as <c>GET /models</c> and <c>GET /models/{id}</c> show it.</summary>
/// <param name="Drift">The population stability index of the window's top scores against the baseline; null until the
/// baseline is known and the window holds enough scores (or when the given baseline was refused).</param>
/// <param name="Baseline">Where the baseline comes from: <c>sidecar</c>, <c>learning</c> (from the first predictions,
/// not complete yet), <c>learned</c>, or <c>refused</c> (the sidecar's did not parse; see <paramref name="BaselineProblem"/>).</param>
/// <param name="BaselineSamples">Top scores in a learned baseline so far; null for one given in the sidecar.</param>
/// <param name="WindowSamples">Top scores in the window the drift is computed over.</param>
/// <param name="BaselineProblem">Why the sidecar's baseline was refused; null otherwise.</param>
public sealed record ConfidenceDriftReading(double? Drift, string Baseline, long? BaselineSamples, int WindowSamples, string? BaselineProblem)
{
    public const string FromSidecar = "sidecar";
    public const string Learning = "learning";
    public const string Learned = "learned";
    public const string Refused = "refused";
}
