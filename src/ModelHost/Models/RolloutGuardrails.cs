using System.Text.Json.Serialization;

namespace MultiModel.ModelHost.Models;

/// <summary>
/// When a host takes a candidate out of rotation by itself: over its last <see cref="WindowRequests"/> unpinned
/// requests (once it has had <see cref="MinRequests"/>), a share of 5xx answers above <see cref="MaxErrorPercent"/>, or a
/// median latency above <see cref="MaxLatencyRatio"/> times the stable version's over the same kind of window and at
/// least <see cref="MinLatencyIncreaseMs"/> more than it. The floor is MLflow's min_absolute_change: a sub-millisecond
/// model's medians differ by 2x from scheduling noise alone, which no caller notices.
/// </summary>
public sealed record RolloutGuardrails(
    [property: JsonPropertyName("windowRequests")] int WindowRequests = 50,
    [property: JsonPropertyName("minRequests")] int MinRequests = 20,
    [property: JsonPropertyName("maxErrorPercent")] double MaxErrorPercent = 5,
    [property: JsonPropertyName("maxLatencyRatio")] double MaxLatencyRatio = 2,
    [property: JsonPropertyName("minLatencyIncreaseMs")] double MinLatencyIncreaseMs = 1)
{
    /// <summary>With these a candidate failing every request is out of rotation after 20 of them, well before 50.</summary>
    public static RolloutGuardrails Default { get; } = new();
}
