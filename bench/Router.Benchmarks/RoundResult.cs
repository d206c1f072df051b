namespace MultiModel.Router.Benchmarks;

/// <summary>One round's figures for both sides, latencies in microseconds.</summary>
public sealed record RoundResult(double[] Direct, double[] Routed, double DirectRps, double RouterRps)
{
    public double DirectP50 { get; } = Stats.Percentile(Direct, 50);

    public double RouterP50 { get; } = Stats.Percentile(Routed, 50);

    public double DirectP99 { get; } = Stats.Percentile(Direct, 99);

    public double RouterP99 { get; } = Stats.Percentile(Routed, 99);

    public double AddedP50 => RouterP50 - DirectP50;

    public double Ratio => RouterRps / DirectRps;
}
