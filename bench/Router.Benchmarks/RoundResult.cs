namespace MultiModel.Router.Benchmarks;

/// <summary>One round's figures for both sides: latencies and CPU per request in microseconds.</summary>
public sealed record RoundResult(double[] Direct, double[] Routed, double DirectRps, double RouterRps, double DirectCpu, double RouterCpu)
{
    public double DirectP50 { get; } = Stats.Percentile(Direct, 50);

    public double RouterP50 { get; } = Stats.Percentile(Routed, 50);

    public double DirectP99 { get; } = Stats.Percentile(Direct, 99);

    public double RouterP99 { get; } = Stats.Percentile(Routed, 99);

    public double AddedP50 => RouterP50 - DirectP50;

    public double Ratio => RouterRps / DirectRps;

    /// <summary>CPU microseconds the routed path costs per request beyond the direct one: the router's own work.</summary>
    public double AddedCpu => RouterCpu - DirectCpu;
}
