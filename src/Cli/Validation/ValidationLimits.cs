namespace MultiModel.Cli.Validation;

/// <summary>The gates' limits (validate's flags) and how long latency is measured.</summary>
/// <param name="MaxLatencyRatio">Warm p50 latency at most this many times the live version's.</param>
/// <param name="MaxMemoryRatio">Memory charge at most this many times the live version's.</param>
/// <param name="MinTop1">Share of rows whose best class agrees (with the expected outputs, else with the live version).</param>
/// <param name="Rounds">Interleaved rounds of the latency race.</param>
internal sealed record ValidationLimits(double MaxLatencyRatio = 1.5, double MaxMemoryRatio = 2, double MinTop1 = 0.95, int Rounds = 50);
