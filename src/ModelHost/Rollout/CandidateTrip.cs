namespace MultiModel.ModelHost.Rollout;

/// <summary>Why and when a host took a candidate out of rotation by itself.</summary>
/// <param name="Requests">The candidate's requests in the window it was judged on.</param>
/// <param name="LatencyRatio">Its median latency over stable's, when both had enough requests to say.</param>
public sealed record CandidateTrip(int Version, DateTimeOffset StartedAt, DateTimeOffset At, string Reason, int Requests, double ErrorPercent, double? LatencyRatio);
