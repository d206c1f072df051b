namespace MultiModel.Cli.Validation;

/// <summary>Warm latency medians from one interleaved race; the live figures are null for a first version.</summary>
internal sealed record LatencyFigures(int Rounds, string Input, double CandidateP50Ms, double? LiveP50Ms, double? Ratio);
