namespace MultiModel.ServiceDefaults.Emf;

/// <summary>
/// One metric of the CloudWatch contract, made from one System.Diagnostics.Metrics instrument.
/// </summary>
/// <param name="Name">The CloudWatch metric name.</param>
/// <param name="Unit">A CloudWatch unit (<see cref="EmfUnit"/>).</param>
/// <param name="Statistic">How the invocation's measurements become the value.</param>
/// <param name="Scale">Multiplies each measurement: 1000 turns OpenTelemetry's seconds into CloudWatch milliseconds.</param>
/// <param name="StatusClass">
/// Only measurements whose <c>http.response.status_code</c> is in this class (4 for 4xx, 5 for 5xx) count; the others
/// count as 0, so an error count is 0 (not missing) wherever the instrument measured anything, and its average is a rate.
/// </param>
/// <param name="ProcessWide">Counted in the process document even when the measurement names a group (summed without it).</param>
public sealed record EmfMetric(
    string Name, string Unit, EmfStatistic Statistic, double Scale = 1, int? StatusClass = null, bool ProcessWide = false)
{
    /// <summary>Its position in the contract's list: where its values are kept.</summary>
    internal int Index { get; set; } = -1;

    /// <summary>The name as written in every document, escaped once.</summary>
    internal System.Text.Json.JsonEncodedText EncodedName { get; } = System.Text.Json.JsonEncodedText.Encode(Name);

    internal System.Text.Json.JsonEncodedText EncodedUnit { get; } = System.Text.Json.JsonEncodedText.Encode(Unit);

    public static EmfMetric Count(string name, int? statusClass = null) => new(name, EmfUnit.Count, EmfStatistic.Sum, StatusClass: statusClass);

    public static EmfMetric CountOccurrences(string name, int? statusClass = null) =>
        new(name, EmfUnit.Count, EmfStatistic.Occurrences, StatusClass: statusClass);

    public static EmfMetric Milliseconds(string name) => new(name, EmfUnit.Milliseconds, EmfStatistic.Distribution, Scale: 1000);

    public static EmfMetric Distribution(string name, string unit) => new(name, unit, EmfStatistic.Distribution);

    public static EmfMetric Gauge(string name, string unit) => new(name, unit, EmfStatistic.Last);

    internal bool Counts(int? status) => StatusClass is not { } wanted || status / 100 == wanted;
}
